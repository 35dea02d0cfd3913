"""`python -m language.evaluate FILE.jsonl`: accuracy per locale and intent, confusions, out-of-scope writes."""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from . import entity_eval
from .corpus_labels import accepted_labels, mipa_label
from .models import WRITE_INTENTS
from .recognizer import recognize
from .text import normalize_locale

__all__ = ["Report", "evaluate_rows"]

_NOW = datetime(2026, 9, 1, 9, 0, tzinfo=UTC)
_ENTITY_SET = entity_eval.default_set()[0]


@dataclass
class Report:
    """Counts from one evaluation run."""

    total: Counter[str] = field(default_factory=Counter)  # in-scope utterances per locale
    correct: Counter[str] = field(default_factory=Counter)
    per_intent: dict[tuple[str, str], list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    confusions: Counter[tuple[str, str, str]] = field(default_factory=Counter)
    oos_total: Counter[str] = field(default_factory=Counter)
    oos_write: Counter[str] = field(default_factory=Counter)
    relabelled: Counter[str] = field(default_factory=Counter)  # rows read with MIPA's label (corpus_labels)

    def accuracy(self, lang: str) -> float:
        return self.correct[lang] / self.total[lang] if self.total[lang] else 0.0

    def oos_write_rate(self, lang: str) -> float:
        return self.oos_write[lang] / self.oos_total[lang] if self.oos_total[lang] else 0.0


def evaluate_rows(rows: Sequence[dict[str, object]]) -> Report:
    """Recognise each row's `text` with its `locale` and compare with its MIPA label (`corpus_labels`; null = out of scope)."""
    report = Report()
    for row in rows:
        lang = normalize_locale(row.get("locale"))
        gold = mipa_label(row)
        report.relabelled[lang] += gold != (row.get("intent") or "none")
        got = recognize(str(row["text"]), lang, _NOW, "UTC").intent
        if got in accepted_labels(row):
            got = gold
        if gold == "none":
            report.oos_total[lang] += 1
            report.oos_write[lang] += got in WRITE_INTENTS
        else:
            report.total[lang] += 1
            report.correct[lang] += got == gold
        cell = report.per_intent[(lang, str(gold))]
        cell[0] += got == gold
        cell[1] += 1
        if got != gold:
            report.confusions[(lang, str(gold), got)] += 1
    return report


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m language.evaluate", description=__doc__.splitlines()[0])
    parser.add_argument("file", type=Path, nargs="?", help="labelled intents (.jsonl); omit with --entities alone")
    parser.add_argument("--confusions", type=int, default=30, help="how many confusions to list")
    parser.add_argument("--entities", type=Path, nargs="?", const=_ENTITY_SET, default=None,
                        help="also report exact-match entity accuracy on this set (default: the held-out entity set)")
    parser.add_argument("--misses", type=int, default=0, help="how many entity misses to list")
    args = parser.parse_args(argv)
    if args.entities is not None:
        entity_eval.main(args.entities, args.misses)
    if args.file is None:
        return 0 if args.entities is not None else 2
    rows = [json.loads(line) for line in args.file.read_text(encoding="utf-8").splitlines() if line.strip()]
    report = evaluate_rows(rows)
    for lang in sorted(set(report.total) | set(report.oos_total)):
        print(f"[{lang}] in-scope accuracy {report.accuracy(lang):.3f} ({report.correct[lang]}/{report.total[lang]}); "
              f"out-of-scope -> write {report.oos_write_rate(lang):.3f} "
              f"({report.oos_write[lang]}/{report.oos_total[lang]}); relabelled rows {report.relabelled[lang]}")
        for (l2, intent), (ok, n) in sorted(report.per_intent.items()):
            if l2 == lang:
                print(f"  {intent:24} {ok / n:.3f}  ({ok}/{n})")
    print("confusions (locale, expected -> got, count):")
    for (lang, gold, got), n in report.confusions.most_common(args.confusions):
        print(f"  {lang} {gold} -> {got}: {n}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
