"""`python -m language.evaluate`: the recognizer's accuracy on data it was not trained on, per locale.

    python -m language.evaluate               # the figures issue 18 holds (k-fold, test set, out of scope)
    python -m language.evaluate FILE.jsonl    # one labelled file, scored with the shipped model
    python -m language.evaluate FILE.jsonl --show-misses   # and its misses (refused for the test sets)
    python -m language.evaluate --entities    # exact-match entity accuracy on the held-out entity set only
    python -m language.evaluate --kfold-misses en   # the development corpus's k-fold misses (never the test sets)
    python -m language.evaluate --label-rules       # rows each relabelling rule of corpus_labels reads otherwise

Without a file it prints, per locale: the k-fold accuracy on the development corpus (each fold scored by a model
trained on the others plus `language/data/training`), the accuracy on MIPA's independent test set
(`language/data/testsets/mipa-test.jsonl`, never trained on), and on the out-of-scope set how many were declined,
became a write, became a sign-out or a cancel, or were answered with a clarification question.
"""

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
from .corpus_labels import accepted_labels, is_template, label_rule, mipa_label
from .models import WRITE_INTENTS
from .recognizer import recognize
from .text import normalize_locale
from .train import TESTSETS, TRAINING_FILES, cross_validate, load_examples

__all__ = ["CrossValidation", "OutOfScope", "Report", "cross_validation", "evaluate_rows", "kfold_results",
           "label_rules", "load_rows", "MissesOfATestSetError", "out_of_scope", "TEST_FILE", "OOS_FILE"]

_NOW = datetime(2026, 9, 1, 9, 0, tzinfo=UTC)
TEST_FILE = TESTSETS / "mipa-test.jsonl"
OOS_FILE = TESTSETS / "mipa-out-of-scope.jsonl"
_SESSION = frozenset({"general.signout", "general.cancel"})
_ENTITY_SET = entity_eval.default_set()[0]


def load_rows(path: Path) -> list[dict[str, object]]:
    """The JSON objects of a JSONL file."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@dataclass
class Report:
    """Counts from one evaluation run of the shipped model over labelled rows."""

    total: Counter[str] = field(default_factory=Counter)  # in-scope utterances per locale
    correct: Counter[str] = field(default_factory=Counter)
    clarified: Counter[str] = field(default_factory=Counter)  # wrong or asked, the right intent among the two asked
    per_intent: dict[tuple[str, str], list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    confusions: Counter[tuple[str, str, str]] = field(default_factory=Counter)
    oos_total: Counter[str] = field(default_factory=Counter)
    oos_write: Counter[str] = field(default_factory=Counter)
    relabelled: Counter[str] = field(default_factory=Counter)  # rows read with MIPA's label (corpus_labels)
    misses: list[tuple[str, str, str, str]] = field(default_factory=list)  # (locale, expected, got, text)

    def accuracy(self, lang: str) -> float:
        return self.correct[lang] / self.total[lang] if self.total[lang] else 0.0

    def oos_write_rate(self, lang: str) -> float:
        return self.oos_write[lang] / self.oos_total[lang] if self.oos_total[lang] else 0.0


def evaluate_rows(rows: Sequence[dict[str, object]]) -> Report:
    """Recognise each row's `text` with its `locale` and compare with its MIPA label (`corpus_labels`; null = out of scope)."""
    report = Report()
    for row in rows:
        if is_template(row):
            continue
        lang = normalize_locale(row.get("locale"))
        gold = mipa_label(row)
        report.relabelled[lang] += gold != (row.get("intent") or "none")
        recognition = recognize(str(row["text"]), lang, _NOW, "UTC")
        got = recognition.intent
        accepted = accepted_labels(row)
        if got in accepted:
            got = gold
        if gold == "none":
            report.oos_total[lang] += 1
            report.oos_write[lang] += got in WRITE_INTENTS
        else:
            report.total[lang] += 1
            report.correct[lang] += got == gold
            report.clarified[lang] += got != gold and bool(accepted & set(recognition.alternatives))
        cell = report.per_intent[(lang, str(gold))]
        cell[0] += got == gold
        cell[1] += 1
        if got != gold:
            report.confusions[(lang, str(gold), got)] += 1
            report.misses.append((lang, str(gold), got, str(row["text"])))
    return report


@dataclass(frozen=True)
class CrossValidation:
    """k-fold figures of one locale on the development corpus."""

    in_scope: int
    in_scope_right: int
    out_of_scope: int
    out_of_scope_declined: int

    @property
    def accuracy(self) -> float:
        """In-scope rows given their (MIPA) label."""
        return self.in_scope_right / self.in_scope

    @property
    def overall(self) -> float:
        """All rows, out-of-scope ones counting as right when declined."""
        return (self.in_scope_right + self.out_of_scope_declined) / (self.in_scope + self.out_of_scope)


def kfold_results(lang: str, *, folds: int = 5) -> list[tuple[str, str, str]]:
    """(text, MIPA label, predicted) for every development-corpus row of `lang`, each predicted by a model trained on
    the other folds; `language/data/training` is in every fold's training part. Never the test sets."""
    rows = [r for r in load_rows(TRAINING_FILES[0]) if normalize_locale(r.get("locale")) == lang and not is_template(r)]
    extra = load_examples(TRAINING_FILES[1:])[lang]
    return cross_validate([(str(r["text"]), mipa_label(r)) for r in rows], folds=folds,
                          accepted=[accepted_labels(r) for r in rows], always=extra, lang=lang)


def cross_validation(lang: str, *, folds: int = 5) -> CrossValidation:
    """k-fold on the development corpus of `lang` (`kfold_results`)."""
    results = kfold_results(lang, folds=folds)
    inside = [(gold, got) for _, gold, got in results if gold != "none"]
    outside = [got for _, gold, got in results if gold == "none"]
    return CrossValidation(len(inside), sum(g == p for g, p in inside), len(outside), outside.count("none"))


@dataclass
class OutOfScope:
    """What the shipped recognizer does with one locale's out-of-scope set."""

    total: int = 0
    declined: int = 0  # intent "none": MIPA says what it cannot do and offers what it can
    writes: int = 0
    session: int = 0  # sign-outs and cancels
    clarified: int = 0  # asked "do you mean X or Y?"
    answered: Counter[str] = field(default_factory=Counter)  # other intents, by intent

    @property
    def declined_rate(self) -> float:
        return self.declined / self.total if self.total else 0.0


def out_of_scope(rows: Sequence[dict[str, object]], lang: str) -> OutOfScope:
    """Recognise the out-of-scope rows of `lang`."""
    out = OutOfScope()
    for row in rows:
        if normalize_locale(row.get("locale")) != lang:
            continue
        recognition = recognize(str(row["text"]), lang, _NOW, "UTC")
        out.total += 1
        if recognition.alternatives:
            out.clarified += 1
        elif recognition.intent == "none":
            out.declined += 1
        else:
            out.answered[recognition.intent] += 1
        out.writes += recognition.intent in WRITE_INTENTS
        out.session += recognition.intent in _SESSION
    return out


class MissesOfATestSetError(ValueError):
    """The misses of a test set were asked for: they are never printed (issue 18: the test sets stay unread)."""


def _file_report(path: Path, confusions: int, show_misses: bool = False) -> None:
    if show_misses and path.resolve().is_relative_to(TESTSETS.resolve()):
        raise MissesOfATestSetError(f"{path}: the misses of a test set are never printed")
    rows = load_rows(path)
    report = evaluate_rows(rows)
    outside = [r for r in rows if not is_template(r) and mipa_label(r) == "none"]
    for lang in sorted(set(report.total) | set(report.oos_total)):
        print(f"[{lang}] in-scope accuracy {report.accuracy(lang):.3f} ({report.correct[lang]}/{report.total[lang]}); "
              f"out-of-scope -> write {report.oos_write_rate(lang):.3f} "
              f"({report.oos_write[lang]}/{report.oos_total[lang]}); relabelled rows {report.relabelled[lang]}")
        oos = out_of_scope(outside, lang)
        if oos.total:
            print(f"[{lang}] out-of-scope rows: declined {oos.declined_rate:.3f} ({oos.declined}/{oos.total}); "
                  f"writes {oos.writes}; sign-outs or cancels {oos.session}; clarified {oos.clarified}; answered "
                  + (", ".join(f"{k} {v}" for k, v in oos.answered.most_common()) or "none"))
        for (l2, intent), (ok, n) in sorted(report.per_intent.items()):
            if l2 == lang:
                print(f"  {intent:24} {ok / n:.3f}  ({ok}/{n})")
    print("confusions (locale, expected -> got, count):")
    for (lang, gold, got), n in report.confusions.most_common(confusions):
        print(f"  {lang} {gold} -> {got}: {n}")
    if show_misses:
        print("misses (locale expected -> got | text):")
        for lang, gold, got, text in sorted(report.misses):
            print(f"  {lang} {gold:24} -> {got:24} | {text}")


def label_rules() -> Counter[tuple[str, str]]:
    """How many development-corpus rows each `corpus_labels` rule relabels ("template": left out), per locale."""
    counts: Counter[tuple[str, str]] = Counter()
    for row in load_rows(TRAINING_FILES[0]):
        rule = "template" if is_template(row) else label_rule(row)[1]
        if rule is not None:
            counts[(normalize_locale(row.get("locale")), rule)] += 1
    return counts


def _kfold_misses(lang: str, folds: int) -> None:
    results = kfold_results(lang, folds=folds)
    misses = sorted((gold, got, text) for text, gold, got in results if gold != got)
    print(f"[{lang}] development corpus, {folds}-fold: {len(misses)} misses of {len(results)} rows")
    for gold, got, text in misses:
        print(f"  {gold:28} -> {got:28} | {text}")


def _summary(folds: int) -> None:
    test = evaluate_rows(load_rows(TEST_FILE))
    oos_rows = load_rows(OOS_FILE)
    for lang in ("en", "fr"):
        cv = cross_validation(lang, folds=folds)
        print(f"[{lang}] development corpus, {folds}-fold: in-scope accuracy {cv.accuracy:.3f} "
              f"({cv.in_scope_right}/{cv.in_scope}); out-of-scope declined {cv.out_of_scope_declined}/{cv.out_of_scope}; "
              f"overall {cv.overall:.3f}")
        print(f"[{lang}] independent test set: accuracy {test.accuracy(lang):.3f} ({test.correct[lang]}/{test.total[lang]}); "
              f"a clarification question offers the right intent for {test.clarified[lang]} more")
        oos = out_of_scope(oos_rows, lang)
        print(f"[{lang}] out-of-scope set: declined {oos.declined_rate:.3f} ({oos.declined}/{oos.total}); writes {oos.writes}; "
              f"sign-outs or cancels {oos.session}; clarified {oos.clarified}; answered "
              + (", ".join(f"{k} {v}" for k, v in oos.answered.most_common()) or "none"))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m language.evaluate", description=__doc__.splitlines()[0])
    parser.add_argument("file", type=Path, nargs="?", help="a labelled JSONL file (default: the summary)")
    parser.add_argument("--folds", type=int, default=5, help="folds of the development corpus's cross-validation")
    parser.add_argument("--show-misses", action="store_true",
                        help="with a file (never a test set): list its misses, expected -> got | text")
    parser.add_argument("--confusions", type=int, default=30, help="how many confusions to list (with a file)")
    parser.add_argument("--entities", type=Path, nargs="?", const=_ENTITY_SET, default=None,
                        help="report exact-match entity accuracy on this set (default: the held-out entity set)")
    parser.add_argument("--misses", type=int, default=0, help="how many entity misses to list")
    parser.add_argument("--label-rules", action="store_true",
                        help="count the development-corpus rows each relabelling rule of corpus_labels reads otherwise")
    parser.add_argument("--kfold-misses", choices=("en", "fr"), default=None,
                        help="list the k-fold misses of the development corpus in this locale (gold -> predicted | text)")
    args = parser.parse_args(argv)
    if args.label_rules:
        for (lang, rule), n in sorted(label_rules().items()):
            print(f"[{lang}] {rule:22} {n}")
        return 0
    if args.kfold_misses is not None:
        _kfold_misses(args.kfold_misses, args.folds)
        return 0
    if args.entities is not None:
        entity_eval.main(args.entities, args.misses)
        if args.file is None:
            return 0
    if args.file is not None:
        _file_report(args.file, args.confusions, args.show_misses)
    else:
        _summary(args.folds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
