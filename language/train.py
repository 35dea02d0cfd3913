"""Trains the intent scorer (an averaged perceptron over `features`) from labelled JSONL utterances.

    python -m language.train language/data/corpus/va-utterances-dev.jsonl -o language/data/intent_model.json
    python -m language.train language/data/corpus/va-utterances-dev.jsonl --folds 5   # held-out accuracy only

Deterministic: a fixed seed orders the epochs. The output holds one weight table per locale.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path

from .corpus_labels import mipa_label
from .dates import has_date_cue
from .features import features
from .text import fold, normalize_locale

__all__ = ["load_examples", "train"]

Example = tuple[list[str], str]


def load_examples(paths: Iterable[Path]) -> dict[str, list[tuple[str, str]]]:
    """(text, intent) pairs per locale; `intent: null` becomes "none", LUIS-era labels MIPA reads otherwise are relabelled."""
    out: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            row = json.loads(line)
            out[normalize_locale(row["locale"])].append((row["text"], mipa_label(row)))
    return out


def _featurise(pairs: Sequence[tuple[str, str]]) -> list[Example]:
    return [(features(text, date_cue=has_date_cue(fold(text))), intent) for text, intent in pairs]


def train(pairs: Sequence[tuple[str, str]], *, epochs: int = 12, seed: int = 7) -> dict[str, dict[str, float]]:
    """Averaged perceptron weights: feature -> intent -> weight (zeros dropped, rounded)."""
    data = _featurise(pairs)
    labels = sorted({intent for _, intent in data})
    weights: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    totals: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    stamps: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    step = 0
    rng = random.Random(seed)
    order = list(range(len(data)))
    for _ in range(epochs):
        rng.shuffle(order)
        for i in order:
            feats, gold = data[i]
            step += 1
            scores = dict.fromkeys(labels, 0.0)
            for f in feats:
                row = weights.get(f)
                if row:
                    for label, w in row.items():
                        scores[label] += w
            guess = max((lab for lab in labels if lab != gold), key=scores.__getitem__)
            if scores[gold] > scores[guess]:
                continue
            for f in feats:
                for label, delta in ((gold, 1.0), (guess, -1.0)):
                    totals[f][label] += (step - stamps[f][label]) * weights[f][label]
                    stamps[f][label] = step
                    weights[f][label] += delta
    averaged: dict[str, dict[str, float]] = {}
    for f, row in weights.items():
        kept = {}
        for label, w in row.items():
            total = totals[f][label] + (step - stamps[f][label]) * w
            avg = round(total / step, 4)
            if avg:
                kept[label] = avg
        if kept:
            averaged[f] = kept
    return averaged


def _accuracy(model: dict[str, dict[str, float]], pairs: Sequence[tuple[str, str]]) -> float:
    from .intents import score_intents

    ok = 0
    for text, gold in pairs:
        scores = score_intents(model, features(text, date_cue=has_date_cue(fold(text))))
        ok += max(scores, key=scores.__getitem__) == gold
    return ok / max(1, len(pairs))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m language.train", description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("-o", "--output", type=Path)
    parser.add_argument("--folds", type=int, default=0, help="report k-fold held-out accuracy")
    args = parser.parse_args(argv)
    per_locale = load_examples(args.files)
    if args.folds:
        for lang, pairs in sorted(per_locale.items()):
            shuffled = list(pairs)
            random.Random(1).shuffle(shuffled)
            accs = []
            for k in range(args.folds):
                test = shuffled[k :: args.folds]
                train_part = [p for i, p in enumerate(shuffled) if i % args.folds != k]
                accs.append(_accuracy(train(train_part), test))
            print(f"{lang}: {args.folds}-fold held-out accuracy {sum(accs) / len(accs):.3f}")
    if args.output:
        model = {lang: train(pairs) for lang, pairs in sorted(per_locale.items())}
        args.output.write_text(json.dumps(model, sort_keys=True, separators=(",", ":")), encoding="utf-8")
        print(f"wrote {args.output} ({sum(len(m) for m in model.values())} features)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
