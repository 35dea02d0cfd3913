"""`python -m sandbox`: run the sandbox tenant on its own port."""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import sys
from collections.abc import Coroutine
from datetime import date, datetime
from pathlib import Path
from typing import Any

DESCRIPTION = """Run the MIPA sandbox: a local Microsoft Graph v1.0 (/v1.0), a Bot Framework token
service (/api/usertoken, /api/botsignin) and an admin API (/_sandbox/) over a demo tenant."""

EPILOG = """examples:
  python -m sandbox --port 5010                      serve on http://127.0.0.1:5010
  python -m sandbox --port 0                         pick a free port (printed on stdout)
  python -m sandbox --seed-date 2026-08-03           seed the tenant around that date (default: each person's today)
  python -m sandbox --now 2026-12-05T21:40:00Z        a Saturday evening: the clock starts there and runs
  python -m sandbox --faults '{"rate": 50, "allowedErrors": [429, 503], "retryAfterInSeconds": 1}'
  python -m sandbox --faults faults.json             the same, from a file (see sandbox/README.md)

When serving, one line is printed to stdout: "MIPA sandbox listening on http://HOST:PORT"."""


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m sandbox", description=DESCRIPTION, epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--host", default="127.0.0.1", help="interface to bind (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=3979, help="port to bind; 0 picks a free port (default 3979)")
    parser.add_argument("--seed-date", type=date.fromisoformat, default=None, metavar="YYYY-MM-DD", help="the date every demo week is built around (default: each person's today, by the clock)")
    parser.add_argument("--now", type=_instant, default=None, metavar="ISO-INSTANT", help="start the sandbox's clock at this instant, e.g. 2026-12-05T21:40:00Z (default: the system clock, moved by MIPA_CLOCK_OFFSET seconds when set)")
    parser.add_argument("--faults", default=None, metavar="JSON-or-file", help="fault settings as a JSON object or a path to a JSON file (Dev Proxy names: rate, allowedErrors, retryAfterInSeconds, latency, rateLimiting, rules)")
    parser.add_argument("--auto-signin", action=argparse.BooleanOptionalAction, default=False, help="hand every channel user a token for a mapped demo user without a sign-in page (default off)")
    parser.add_argument("--deprecated-empty", action=argparse.BooleanOptionalAction, default=False, help="/me/drive/recent and sharedWithMe return no items, as after Graph retires them (default off)")
    parser.add_argument("--log-level", default="WARNING", help="logging level (default WARNING)")
    return parser.parse_args(argv)


def _instant(text: str) -> datetime:
    from clock import parse_instant

    return parse_instant(text)


def load_faults(value: str | None) -> dict[str, Any] | None:
    if not value:
        return None
    text = value if value.lstrip().startswith("{") else Path(value).read_text(encoding="utf-8")
    data = json.loads(text)
    if not isinstance(data, dict):
        raise ValueError("faults must be a JSON object")
    return data


async def serve(args: argparse.Namespace) -> None:
    from aiohttp import web

    from clock import PinnedClock

    from .app import create_app

    clock = PinnedClock(args.now) if args.now is not None else None
    app = create_app(seed_date=args.seed_date, faults=load_faults(args.faults), auto_signin=args.auto_signin, deprecated_empty=args.deprecated_empty, clock=clock)
    runner = web.AppRunner(app, access_log=None, handle_signals=True)
    await runner.setup()
    site = web.TCPSite(runner, args.host, args.port)
    await site.start()
    sockets = getattr(site._server, "sockets", None) or []
    port = sockets[0].getsockname()[1] if sockets else args.port
    sys.stdout.write(f"MIPA sandbox listening on http://{args.host}:{port}\n")
    sys.stdout.flush()
    try:
        await asyncio.Event().wait()
    finally:
        await runner.cleanup()


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    logging.basicConfig(level=args.log_level.upper(), stream=sys.stderr)
    try:
        load_faults(args.faults)
    except (OSError, ValueError) as exc:
        sys.stderr.write(f"invalid --faults: {exc}\n")
        return 2
    try:
        _run(serve(args))
    except KeyboardInterrupt:
        pass
    return 0


def _run(main_coroutine: Coroutine[Any, Any, None]) -> None:
    """asyncio.run on uvloop where it is installed (not on Windows), as MIPA itself: less CPU per request."""
    try:
        import uvloop
    except ImportError:
        asyncio.run(main_coroutine)
        return
    uvloop.run(main_coroutine)


if __name__ == "__main__":
    raise SystemExit(main())
