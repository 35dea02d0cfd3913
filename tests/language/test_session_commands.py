"""A session command needs a clear phrasing: disconnecting something else is no sign-out, and a travel booking is
no meeting to cancel (issue 18: nonsense and out-of-scope requests are never a session command or a write)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from language import recognize

PARIS = ZoneInfo("Europe/Paris")
NOW = datetime(2026, 9, 1, 9, 0, tzinfo=PARIS)


@pytest.mark.parametrize(("text", "lang"), [
    ("déconnecte-moi", "fr"), ("deconnecte moi svp", "fr"), ("déconnexion", "fr"), ("se déconnecter", "fr"),
    ("je veux me déconnecter", "fr"), ("tu peux me déconnecter ?", "fr"), ("déconnecte-moi de mon compte", "fr"),
    ("déconnecte moi de teams", "fr"), ("sign out", "en"), ("log me out please", "en"),
])
def test_a_sign_out_said_plainly_signs_out(text: str, lang: str) -> None:
    assert recognize(text, lang, NOW, PARIS).intent == "general.signout"


@pytest.mark.parametrize(("text", "lang"), [
    ("déconnecte le wifi", "fr"), ("déconnecte mon vpn", "fr"), ("comment me déconnecter du vpn", "fr"),
    ("problème de déconnexion du wifi", "fr"), ("déconnecte l'imprimante", "fr"),
])
def test_disconnecting_something_else_is_no_sign_out(text: str, lang: str) -> None:
    assert recognize(text, lang, NOW, PARIS).intent != "general.signout"


@pytest.mark.parametrize(("text", "lang"), [
    ("annule mon vol pour rome", "fr"), ("annule mon train de demain", "fr"), ("réserve un billet pour paris", "fr"),
    ("cancel my flight to rome", "en"), ("book a hotel in lyon", "en"),
])
def test_a_travel_booking_is_declined_not_a_meeting(text: str, lang: str) -> None:
    assert recognize(text, lang, NOW, PARIS).intent == "none"


@pytest.mark.parametrize(("text", "lang", "intent"), [
    ("when is my flight", "en", "calendar.details"), ("annule la réunion budget", "fr", "calendar.cancel"),
    ("cancel the team sync", "en", "calendar.cancel"),
])
def test_meetings_are_still_read(text: str, lang: str, intent: str) -> None:
    assert recognize(text, lang, NOW, PARIS).intent == intent
