"""Reliability fixtures: the e2e ones, an authenticated bot with a local issuer, and the summary table."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass

import pytest

from config import Settings
from sandbox.testing import AdminClient
from tests.e2e.conftest import bot, channel, graph_as, manual_bot, set_signin  # noqa: F401
from tests.reliability.issuer import LocalIssuer, StaticCredentialsFactory
from tests.support.bot import BotServer, run_bot
from tests.support.channel import FakeChannel

APP_ID = "11111111-2222-4333-8444-555555555555"


@dataclass(slots=True)
class _Row:
    load: str
    faults: str
    notes: str = ""


_ROWS: dict[str, _Row] = {}


@pytest.fixture
def summary(request: pytest.FixtureRequest) -> Callable[..., None]:
    """`summary(load=..., faults=..., notes=...)` adds this test's row to the table printed at the end."""

    def record(*, load: str, faults: str = "none", notes: str = "") -> None:
        _ROWS[request.node.nodeid] = _Row(load=load, faults=faults, notes=notes)

    return record


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if not _ROWS:
        return
    outcomes: dict[str, str] = {}
    for key in ("passed", "failed", "error"):
        for report in terminalreporter.stats.get(key, []):
            nodeid = getattr(report, "nodeid", "")
            if nodeid in _ROWS and outcomes.get(nodeid) != "failed":
                outcomes[nodeid] = "failed" if key != "passed" else (outcomes.get(nodeid) or "passed")
    rows = [
        (nodeid.split("::")[-1], row.load, row.faults, outcomes.get(nodeid, "?"), row.notes)
        for nodeid, row in _ROWS.items()
    ]
    header = ("test", "load", "faults", "result", "notes")
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    terminalreporter.section("reliability summary")
    for line in [header, tuple("-" * w for w in widths), *rows]:
        terminalreporter.write_line("  ".join(str(c).ljust(w) for c, w in zip(line, widths, strict=True)).rstrip())


@pytest.fixture
def issuer() -> Iterator[LocalIssuer]:
    with LocalIssuer() as local:
        yield local


@pytest.fixture
async def auth_bot(
    sandbox: AdminClient, sandbox_url: str, channel: FakeChannel, issuer: LocalIssuer,  # noqa: F811
) -> AsyncIterator[BotServer]:
    """MIPA with `MicrosoftAppId` set: inbound tokens checked against the local issuer, outbound static bearer."""
    set_signin(sandbox_url, autoSignIn=True)
    settings = Settings(
        app_id=APP_ID, app_password="unused-secret", graph_base_url=f"{sandbox_url}/v1.0",
        host="127.0.0.1", port=0,
    )
    async with run_bot(settings.validate(), channel, credentials_factory=StaticCredentialsFactory(APP_ID)) as server:
        yield server
