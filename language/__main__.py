"""`python -m language "text" --locale fr-FR [--now ISO] [--tz Europe/Paris]`: print a recognition as JSON."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from datetime import datetime

from .recognizer import recognize


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m language", description="Recognise one utterance.")
    parser.add_argument("text")
    parser.add_argument("--locale", default=None, help="en, en-US, fr, fr-FR... (default: detect)")
    parser.add_argument("--now", default=None, help="reference time, ISO 8601 (default: now)")
    parser.add_argument("--tz", default="UTC", help="IANA time zone of the user (default: UTC)")
    args = parser.parse_args(argv)
    now = datetime.fromisoformat(args.now) if args.now else None
    result = recognize(args.text, args.locale, now, args.tz)
    print(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
