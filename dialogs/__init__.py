"""Dialogs: sign-in, the main dialog and one module (or package) per feature."""

from dialogs.feature import FeatureDialog
from dialogs.main_dialog import MainDialog
from dialogs.registry import build_features
from dialogs.request import Request
from dialogs.services import Services, TurnFacts
from dialogs.signin import SignInPrompt, signin_settings

__all__ = [
    "FeatureDialog",
    "MainDialog",
    "Request",
    "Services",
    "SignInPrompt",
    "TurnFacts",
    "build_features",
    "signin_settings",
]
