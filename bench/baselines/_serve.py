"""Shared start-up for the baseline processes: parse --host/--port, serve an app, print a ready line."""

from __future__ import annotations

import argparse
import asyncio
import logging
import signal
from collections.abc import Sequence

from aiohttp import web

__all__ = ["health", "parse_args", "serve"]

logger = logging.getLogger(__name__)


def parse_args(argv: Sequence[str] | None, *, description: str, sandbox: bool = False) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=3978)
    if sandbox:
        parser.add_argument("--sandbox-url", required=True, help="a running `python -m sandbox`")
    return parser.parse_args(argv)


async def health(_request: web.Request) -> web.Response:
    """`GET /healthz`: the benchmark times process start to the first answer here."""
    return web.Response(text="ok")


async def _run(app: web.Application, name: str, host: str, port: int) -> None:
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, host, port)
    await site.start()
    print(f"{name} listening on http://{host}:{port}", flush=True)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    try:
        await stop.wait()
    finally:
        await runner.cleanup()


def serve(app: web.Application, *, name: str, host: str, port: int) -> None:
    """Serve `app` until SIGTERM or SIGINT, printing `<name> listening on http://HOST:PORT` when ready."""
    logging.basicConfig(level=logging.WARNING)
    asyncio.run(_run(app, name, host, port))
