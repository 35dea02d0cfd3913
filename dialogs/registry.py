"""The feature dialogs MainDialog routes to: add a feature by adding its class here."""

from __future__ import annotations

from dialogs.calendar import CALENDAR_DIALOGS
from dialogs.digest import DigestDialog
from dialogs.directory import DIRECTORY_DIALOGS
from dialogs.feature import FeatureDialog
from dialogs.mailbox import MAILBOX_DIALOGS
from dialogs.notify import NotifyDialog
from dialogs.services import Services
from dialogs.tasks import TASK_FEATURES
from dialogs.undo_dialog import UndoDialog

__all__ = ["build_features"]

FEATURES: tuple[type[FeatureDialog], ...] = (*CALENDAR_DIALOGS, DigestDialog, *TASK_FEATURES, *DIRECTORY_DIALOGS,
                                           *MAILBOX_DIALOGS, UndoDialog, NotifyDialog)


def build_features(services: Services) -> list[FeatureDialog]:
    return [feature(services) for feature in FEATURES]
