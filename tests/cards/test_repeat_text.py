"""How a repeating task is worded: an interval of 1 is "Every day" / "Tous les jours", never "Every 1 days"."""

from __future__ import annotations

import re

import pytest

from cards import repeat_text
from language.recurrence import Repeat


@pytest.mark.parametrize(("repeat", "en", "fr"), [
    (Repeat("daily"), "Every day", "Tous les jours"),
    (Repeat("daily", 3), "Every 3 days", "Tous les 3 jours"),
    (Repeat("weekly", 1, ("monday",)), "Every week on Monday", "Chaque semaine : lundi"),
    (Repeat("weekly", 2, ("monday", "thursday")), "Every 2 weeks on Monday and Thursday",
     "Toutes les 2 semaines : lundi et jeudi"),
    (Repeat("weekly", 1, ("monday", "tuesday", "wednesday", "thursday", "friday")), "Every weekday",
     "Tous les jours de semaine"),
    (Repeat("absoluteMonthly", 1, day_of_month=15), "Every month on day 15", "Chaque mois, le 15"),
    (Repeat("absoluteMonthly", 6, day_of_month=1), "Every 6 months on day 1", "Tous les 6 mois, le 1"),
    (Repeat("absoluteYearly", 1, day_of_month=3, month=4), "Every year on April 3", "Chaque année, le 3 avril"),
    (Repeat("absoluteYearly", 2, day_of_month=3, month=4), "Every 2 years on April 3", "Tous les 2 ans, le 3 avril"),
])
def test_repeat_wording(repeat: Repeat, en: str, fr: str) -> None:
    assert repeat_text(repeat, "en") == en
    assert repeat_text(repeat, "fr") == fr


@pytest.mark.parametrize("kind", ["daily", "weekly", "absoluteMonthly", "absoluteYearly"])
@pytest.mark.parametrize("locale", ["en", "fr"])
def test_an_interval_of_one_is_never_a_number(kind: str, locale: str) -> None:
    said = repeat_text(Repeat(kind, 1, ("friday",), day_of_month=9, month=9), locale) or ""
    assert not re.search(r"\b1\b", said), said
