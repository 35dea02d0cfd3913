"""Calendar dialogs: agenda, details, create, update, cancel, respond, availability, join."""

from dialogs.calendar.agenda import AgendaDialog

__all__ = ["AgendaDialog"]
