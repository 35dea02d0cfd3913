"""Every card renders in headless Chromium with the `adaptivecards` renderer and a Teams host config.

One browser launch renders all cards (en and fr); the PNGs land in `test-artifacts/cards/<run-id>/`.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from cards.base import LOOKALIKES
from tests.cards.samples import HOSTILE, RTL, builders

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = Path(__file__).with_name("render.mjs")
LOCALES = ("en", "fr")
NAMES = sorted(builders())
SAFE_LINK_PREFIXES = ("https://contoso.sharepoint.com/", "https://outlook.office.com/")


def run_id() -> str:
    return os.environ.get("MIPA_RUN_ID") or time.strftime("%Y%m%d-%H%M%S") + f"-{os.getpid()}"


@pytest.fixture(scope="module")
def renders(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    node = shutil.which("node")
    assert node, "node is needed to render cards (make installs node_modules)"
    out_dir = ROOT / "test-artifacts" / "cards" / run_id()
    items = [{"name": f"{name}-{lang}", "card": build(lang)} for name, build in builders().items() for lang in LOCALES]
    source = tmp_path_factory.mktemp("cards") / "cards.json"
    source.write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
    done = subprocess.run([node, str(SCRIPT), str(source), str(out_dir)], capture_output=True, text=True,
                          timeout=110, check=False, cwd=ROOT)
    assert done.returncode == 0, done.stderr[-3000:]
    report = {entry["name"]: entry for entry in json.loads(done.stdout)}
    assert report.pop("__requests__")["requests"] == [], "a card made the page fetch something"
    return report


@pytest.mark.parametrize("lang", LOCALES)
@pytest.mark.parametrize("name", NAMES)
def test_card_renders_without_warnings(renders: dict[str, dict[str, Any]], name: str, lang: str) -> None:
    entry = renders[f"{name}-{lang}"]
    assert entry["events"] == [], entry["events"]
    assert entry["consoleErrors"] == []
    dom = entry["dom"]
    assert dom is not None and dom["height"] > 40
    assert dom["strong"] == 0, "user text or catalog text was interpreted as markdown or HTML"
    assert all(link.startswith(SAFE_LINK_PREFIXES) for link in dom["links"]), dom["links"]


@pytest.mark.parametrize("lang", LOCALES)
@pytest.mark.parametrize("name", NAMES)
def test_card_png_is_a_real_picture(renders: dict[str, dict[str, Any]], name: str, lang: str) -> None:
    path = Path(renders[f"{name}-{lang}"]["png"])
    with Image.open(path) as image:
        assert image.format == "PNG" and image.width >= 500 and image.height > 40
        colours = image.convert("RGB").getcolors(maxcolors=1_000_000) or []
        assert len(colours) > 10, "the render is blank"


@pytest.mark.parametrize("name", ["agenda", "todo", "planner", "flagged_mail", "choice", "people", "files",
                                  "list_items", "confirmation", "result", "my_day"])
def test_hostile_text_is_shown_as_typed(renders: dict[str, dict[str, Any]], name: str) -> None:
    shown = renders[f"{name}-en"]["dom"]["text"].replace("\u200b", "").replace("\u2060", "")
    for sign, lookalike in LOOKALIKES.items():  # markdown text shows ∗ for *, the same sign to a reader
        shown = shown.replace(lookalike, sign)
    assert HOSTILE in shown
    assert "\\" not in shown, "a markdown escape is shown"
    if name in ("agenda", "todo", "planner", "flagged_mail", "choice", "people", "list_items", "my_day"):
        assert RTL in shown


def test_buttons_are_translated(renders: dict[str, dict[str, Any]]) -> None:
    assert "Complete" in renders["todo-en"]["dom"]["buttons"]
    assert "Terminer" in renders["todo-fr"]["dom"]["buttons"]
    assert {"Accepter", "Provisoire", "Refuser", "Rejoindre"} <= set(renders["meeting_join-fr"]["dom"]["buttons"])
