"""`python -m bench.recognition`: recognition time per utterance (median, p95) and event-loop checks, alone."""

from __future__ import annotations

import argparse
import json
import sys

from bench.measures import recognition_times
from bench.report import render_recognition

__all__ = ["main"]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.recognition", description=__doc__)
    parser.add_argument("--sample", type=int, default=0, help="test-set utterances to time (default 0: all)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    figures = recognition_times(sample=args.sample)
    if args.json:
        print(json.dumps(figures, indent=2))
    else:
        print("\n".join(render_recognition(figures)))
    return 0 if figures.get("available") else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
