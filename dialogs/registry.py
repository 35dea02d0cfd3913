"""The feature dialogs MainDialog routes to: add a feature by adding its class here."""

from __future__ import annotations

from dialogs.calendar import AgendaDialog
from dialogs.digest import DigestDialog
from dialogs.feature import FeatureDialog
from dialogs.services import Services

__all__ = ["build_features"]

FEATURES: tuple[type[FeatureDialog], ...] = (AgendaDialog, DigestDialog)


def build_features(services: Services) -> list[FeatureDialog]:
    return [feature(services) for feature in FEATURES]
