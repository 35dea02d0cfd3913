"""People, contacts, files, SharePoint lists and reading mail: the directory features' dialogs."""

from dialogs.directory.contacts import AddContactDialog, FindPersonDialog
from dialogs.directory.files import FilesDialog
from dialogs.directory.lists import AddListItemDialog, ListItemsDialog
from dialogs.directory.mail import MailListDialog, MailSearchDialog

DIRECTORY_DIALOGS = (
    FindPersonDialog, AddContactDialog, FilesDialog, ListItemsDialog, AddListItemDialog, MailListDialog,
    MailSearchDialog,
)

__all__ = [
    "DIRECTORY_DIALOGS", "AddContactDialog", "AddListItemDialog", "FilesDialog", "FindPersonDialog", "ListItemsDialog",
    "MailListDialog", "MailSearchDialog",
]
