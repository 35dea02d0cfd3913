"""Mailbox settings dialogs: out of office, working hours and time zone (issue 22)."""

from dialogs.mailbox.autoreply import AutoReplyDialog, AutoReplyOffDialog
from dialogs.mailbox.settings import SettingsDialog, SettingsUpdateDialog

__all__ = ["MAILBOX_DIALOGS", "AutoReplyDialog", "AutoReplyOffDialog", "SettingsDialog", "SettingsUpdateDialog"]

#: Every mailbox feature, for `dialogs/registry.py`.
MAILBOX_DIALOGS = (AutoReplyDialog, AutoReplyOffDialog, SettingsDialog, SettingsUpdateDialog)
