"""`make cards`: every card in English and French rendered as PNGs with the Teams host config, and an index.html.

Usage: python -m tests.cards.gallery [--out test-artifacts/cards] [--only agenda,meeting]
The cards are the samples of tests/cards/samples.py (hostile, right-to-left and emoji text included) plus the
cards the dialogs build themselves; rendering is tests/cards/render.mjs (adaptivecards + markdown-it in headless
Chromium) at Teams' message width.
"""

from __future__ import annotations

import argparse
import html
import json
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from cards.base import Card
from dialogs.directory.cards import list_confirm_card, list_result_card, mail_list_card
from language.messages import t
from tests.cards.samples import MAIL, RTL, TODAY, TZ, builders

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = Path(__file__).with_name("render.mjs")
LOCALES = ("en", "fr")
WIDTH = 500  # px: the card column of a Teams chat message (render.mjs lays cards out in a 500 px host)

# What each card is for, as a designer reads the page.
PURPOSE = {
    "agenda": "One day's meetings: now / next marks, conflicts, cancelled, a More button for the next page.",
    "agenda_range": "Several days: a heading for each day, then its meetings.",
    "agenda_empty": "No meetings.",
    "meeting": "A meeting you were invited to: organiser, your answer, Accept / Tentative / Decline.",
    "meeting_join": "An online meeting you organise: the Join button.",
    "confirmation": "Before any write: exactly what will change, buttons that say what they do.",
    "move_conflicts": "Moving a meeting: old and new time, and the meetings the new time overlaps (named before Confirm).",
    "decline_confirmation": "The Decline button asks first: a declined meeting cannot be given back.",
    "result": "After a write: what changed, and Undo.",
    "result_already": "A write that changed nothing.",
    "choice": "Several matches: pick one.",
    "todo": "To Do tasks: overdue first, Complete and Snooze.",
    "planner": "Planner tasks by plan and bucket, progress.",
    "flagged_mail": "Flagged mail: sender, subject, flag due, Complete / To task / Clear.",
    "people": "People and contacts: job, e-mail, phone.",
    "files": "Recent files, each a link.",
    "list_items": "SharePoint list items by the columns' display names.",
    "free_slots": "Free time slots with their length.",
    "my_day": "My day (Outlook 1.4 card): meetings, tasks, flagged mail.",
    "digest": "The morning digest (Outlook 1.4 card).",
    "my_day_empty": "My day with nothing in it.",
    "list_confirm": "Adding a SharePoint list item: confirm.",
    "list_result": "The added list item, a link and Undo.",
    "mail_list": "Mail found by a search: read-only.",
}


def dialog_builders() -> dict[str, Callable[[str], Card]]:
    """Cards the dialogs build themselves (not in cards/)."""
    fields = [("Title", "Relancer le fournisseur"), ("Échéance", "5 mars 2026"), ("Statut", RTL)]
    return {
        "list_confirm": lambda loc: list_confirm_card("Suivi", fields, ref="pending-1", locale=loc),
        "list_result": lambda loc: list_result_card("Suivi", fields, locale=loc,
                                                    web_url="https://contoso.sharepoint.com/lists/1", undo_ref="u-1"),
        "mail_list": lambda loc: mail_list_card(MAIL, title=t("directory.mail.search_sender", loc, sender="Adele Vance"),
                                                locale=loc, tz=str(TZ), today=TODAY,
                                                empty=t("directory.mail.search_empty", loc)),
    }


def all_builders() -> dict[str, Callable[[str], Card]]:
    return {**builders(), **dialog_builders()}


def render(names: Sequence[str], out: Path) -> list[dict[str, Any]]:
    """Renders each named card in both languages into `out`; the renderer's report, one entry per PNG."""
    node = shutil.which("node")
    if node is None:
        raise SystemExit("node is needed to render cards (npm packages: adaptivecards, markdown-it, playwright-core)")
    every = all_builders()
    unknown = sorted(set(names) - set(every))
    if unknown:
        raise SystemExit(f"unknown cards: {', '.join(unknown)}")
    items = [{"name": f"{name}-{lang}", "card": every[name](lang)} for name in names for lang in LOCALES]
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "cards.json"
        source.write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
        done = subprocess.run([node, str(SCRIPT), str(source), str(out)], capture_output=True, text=True,
                              timeout=300, check=False, cwd=ROOT)
    if done.returncode != 0:
        raise SystemExit(f"rendering failed:\n{done.stderr[-3000:]}")
    report = [entry for entry in json.loads(done.stdout) if entry["name"] != "__requests__"]
    for item in items:
        (out / f"{item['name']}.json").write_text(json.dumps(item["card"], ensure_ascii=False, indent=1),
                                                  encoding="utf-8")
    return report


def _figure(entry: dict[str, Any], lang: str) -> str:
    name = entry["name"]
    problems = [*entry.get("events", []), *entry.get("consoleErrors", [])]
    warn = (f"<p class='warn'>{len(problems)} warning(s): " + html.escape("; ".join(problems)) + "</p>") if problems else ""
    label = {"en": "English", "fr": "Français"}[lang]
    return (f"<figure><figcaption>{label} · <a href='{name}.json'>JSON</a></figcaption>"
            f"<img src='{name}.png' alt='{html.escape(name)}' loading='lazy'>{warn}</figure>")


def index_html(names: Sequence[str], report: list[dict[str, Any]]) -> str:
    """The review page: one section per card, English and French side by side, warnings in red."""
    by_name = {entry["name"]: entry for entry in report}
    warnings = sum(len(e.get("events", [])) + len(e.get("consoleErrors", [])) for e in report)
    toc = "".join(f"<li><a href='#{n}'>{html.escape(n)}</a></li>" for n in names)
    sections = []
    for name in names:
        figures = "".join(_figure(by_name[f"{name}-{lang}"], lang) for lang in LOCALES)
        sections.append(f"<section id='{name}'><h2>{html.escape(name)}</h2>"
                        f"<p class='purpose'>{html.escape(PURPOSE.get(name, ''))}</p><div class='pair'>{figures}</div>"
                        "</section>")
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>MIPA cards</title>
<style>
body {{ font-family: "Segoe UI", system-ui, sans-serif; margin: 0; background: #ebebeb; color: #242424; }}
header {{ background: #5b5fc7; color: white; padding: 16px 24px; }}
header p {{ margin: 4px 0 0; opacity: .9; }}
nav ul {{ display: flex; flex-wrap: wrap; gap: 6px 14px; list-style: none; padding: 12px 24px; margin: 0;
          background: white; border-bottom: 1px solid #d1d1d1; }}
main {{ padding: 8px 24px 40px; }}
section {{ margin: 24px 0; }}
h2 {{ margin: 0 0 2px; font-size: 18px; }}
.purpose {{ margin: 0 0 10px; color: #616161; }}
.pair {{ display: flex; flex-wrap: wrap; gap: 20px; align-items: flex-start; }}
figure {{ margin: 0; width: {WIDTH + 20}px; }}
figcaption {{ font-size: 13px; color: #616161; margin-bottom: 4px; }}
img {{ display: block; width: {WIDTH + 20}px; border: 1px solid #d1d1d1; border-radius: 4px; background: white; }}
.warn {{ color: #c4314b; font-size: 13px; }}
</style></head><body>
<header><h1>MIPA cards</h1>
<p>{len(names)} cards × English and French, rendered with the Teams light host config at Teams' message width
({WIDTH} px) by the adaptivecards renderer in Chromium. Sample data includes hostile markdown, right-to-left and
emoji text. Renderer warnings: {warnings}.</p></header>
<nav><ul>{toc}</ul></nav>
<main>{"".join(sections)}</main>
</body></html>
"""


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "test-artifacts" / "cards")
    parser.add_argument("--only", default="", help="comma-separated card names (default: every card)")
    args = parser.parse_args(argv)
    names = [n for n in args.only.split(",") if n] or sorted(all_builders())
    report = render(names, args.out)
    (args.out / "index.html").write_text(index_html(names, report), encoding="utf-8")
    warnings = sum(len(e.get("events", [])) + len(e.get("consoleErrors", [])) for e in report)
    print(f"{len(report)} cards rendered ({len(names)} × {len(LOCALES)} languages), {warnings} warning(s): "
          f"{args.out / 'index.html'}")
    return 1 if warnings else 0


if __name__ == "__main__":
    sys.exit(main())
