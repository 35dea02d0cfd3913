"""Message catalogs: every key in both languages with the same placeholders; lookups fail loudly."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from language import MessageParameterError, MissingMessageError, t, tn
from language.messages import catalog, placeholders

ROOT = Path(__file__).resolve().parents[2] / "language" / "messages"


def test_every_catalog_file_is_a_flat_object_of_strings() -> None:
    files = sorted(ROOT.glob("*/*.json"))
    assert {p.parent.name for p in files} == {"en", "fr"}
    for path in files:
        data = json.loads(path.read_text(encoding="utf-8"))
        assert isinstance(data, dict) and data, path
        assert all(isinstance(v, str) and v.strip() for v in data.values()), path


def test_same_files_in_both_languages() -> None:
    assert {p.name for p in (ROOT / "en").glob("*.json")} == {p.name for p in (ROOT / "fr").glob("*.json")}


def test_no_key_missing_in_one_language() -> None:
    en, fr = set(catalog("en")), set(catalog("fr"))
    assert not en - fr, f"missing in fr: {sorted(en - fr)}"
    assert not fr - en, f"missing in en: {sorted(fr - en)}"


def test_placeholders_agree_between_languages() -> None:
    en, fr = catalog("en"), catalog("fr")
    diff = {k: (placeholders(en[k]), placeholders(fr[k])) for k in en if placeholders(en[k]) != placeholders(fr[k])}
    assert not diff


def test_t_formats_and_accepts_locale_tags() -> None:
    assert t("core.choose.invalid", "fr-FR", count=3).endswith("entre 1 et 3.")
    assert t("core.choose.invalid", "en-US", count=3).endswith("between 1 and 3.")
    assert t("core.confirm.yes", "fr") == "Oui"


def test_missing_key_and_missing_parameter_raise() -> None:
    with pytest.raises(MissingMessageError):
        t("core.no.such.key", "en")
    with pytest.raises(MessageParameterError):
        t("core.choose.invalid", "fr")


@pytest.mark.parametrize(("count", "en", "fr"), [(0, "No items.", "Aucun élément."), (1, "1 item", "1 élément"),
                                                  (2, "2 items", "2 éléments")])
def test_plural_forms(count: int, en: str, fr: str) -> None:
    assert tn("core.items", count, "en") == en
    assert tn("core.items", count, "fr") == fr
