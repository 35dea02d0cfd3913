"""A new user's first chat: `python app.py` (local mode, its own sandbox child) and the Microsoft 365
Agents Playground from npm, driven through the Playground's web page in headless Chromium."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import httpx
import pytest

from devkit import free_port
from tests.support.clock import day_start

#: The default demo user's mailbox zone; the Playground's browser and server run in it.
USER_TZ = "Europe/Paris"

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]


def wait_http(url: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if httpx.get(url, timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise AssertionError(f"{url} did not answer")


@pytest.fixture
def mipa() -> Iterator[tuple[str, str]]:
    """`python app.py` exactly as `make run` starts it, on free ports; yields (bot url, sandbox url)."""
    port, sandbox_port = free_port(), free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("Microsoft", "SANDBOX_", "STORAGE_"))}
    env.update(PORT=str(port), SANDBOX_PORT=str(sandbox_port), LOG_LEVEL="WARNING")
    process = subprocess.Popen([sys.executable, "app.py"], cwd=ROOT, env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_http(f"http://127.0.0.1:{port}/healthz")
        yield f"http://127.0.0.1:{port}", f"http://127.0.0.1:{sandbox_port}"
    finally:
        process.terminate()
        process.wait(15)


@pytest.fixture
def playground(mipa: tuple[str, str], tmp_path: Path) -> Iterator[str]:
    binary = ROOT / "node_modules" / ".bin" / "agentsplayground"
    assert binary.exists(), "make installs node_modules (npm package @microsoft/m365agentsplayground)"
    port = free_port()
    process = subprocess.Popen(
        [str(binary), "-e", f"{mipa[0]}/api/messages", "-c", "msteams", "-p", str(port), "--disable-telemetry"],
        cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,  # it writes devTools/ there
        env=dict(os.environ, TZ=USER_TZ),
    )
    try:
        wait_http(f"http://127.0.0.1:{port}/")
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(15)


def seed_day_subjects(sandbox_url: str) -> set[str]:
    """The default demo user's meetings of today in her zone (Paris), where the page's browser is too."""
    user = httpx.get(f"{sandbox_url}/_sandbox/users").json()[0]
    token = httpx.post(f"{sandbox_url}/_sandbox/tokens", json={"user": user["id"]}).json()["access_token"]
    start = day_start(USER_TZ)
    response = httpx.get(
        f"{sandbox_url}/v1.0/me/calendarView",
        params={"startDateTime": start.isoformat(), "endDateTime": (start + timedelta(days=1)).isoformat(),
                "$top": "100"},
        headers={"Authorization": f"Bearer {token}"},
    )
    response.raise_for_status()
    return {e["subject"] for e in response.json()["value"]}


def test_first_chat_in_the_agents_playground(mipa: tuple[str, str], playground: str) -> None:
    node = shutil.which("node")
    assert node
    run_id = os.environ.get("MIPA_RUN_ID") or time.strftime("%Y%m%d-%H%M%S") + f"-{os.getpid()}"
    out_dir = ROOT / "test-artifacts" / "playground" / run_id
    done = subprocess.run(
        [node, str(HERE / "chat.mjs"), playground, str(out_dir), "what's on my calendar today?", "help"],
        capture_output=True, text=True, timeout=180,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    welcome, calendar, help_ = json.loads(done.stdout)
    assert "running on sample data" in welcome["transcript"]
    reply = calendar["transcript"].split("what's on my calendar today?", 1)[1]
    assert re.search(r"Here's your day|You have no meetings today", reply)
    shown = {subject for subject in seed_day_subjects(mipa[1]) if subject in reply}
    assert len(shown) >= 2, "today's sandbox meetings appear in the Playground"
    assert "Here is what I can do" in help_["transcript"]
    assert (out_dir / "1.png").stat().st_size > 1000
