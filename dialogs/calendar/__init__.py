"""Calendar dialogs: agenda, details, create, update, cancel, respond, availability, join."""

from dialogs.calendar.agenda import AgendaDialog
from dialogs.calendar.availability import AvailabilityDialog
from dialogs.calendar.change import CancelDialog, RespondDialog, UpdateDialog
from dialogs.calendar.create import CreateDialog
from dialogs.calendar.details import DetailsDialog, JoinDialog

__all__ = [
    "CALENDAR_DIALOGS",
    "AgendaDialog", "AvailabilityDialog", "CancelDialog", "CreateDialog", "DetailsDialog", "JoinDialog",
    "RespondDialog", "UpdateDialog",
]

#: Every calendar feature dialog, for `dialogs/registry.py`.
CALENDAR_DIALOGS = (
    AgendaDialog, DetailsDialog, JoinDialog, CreateDialog, UpdateDialog, CancelDialog, RespondDialog,
    AvailabilityDialog,
)
