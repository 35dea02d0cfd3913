"""`python -m sandbox`: --help, the listening line, start-up and stop."""

from __future__ import annotations

import subprocess
import sys

import httpx

from sandbox.testing import REPO_ROOT, SandboxProcess


def test_help_says_how_to_pick_port_seed_date_and_faults() -> None:
    result = subprocess.run([sys.executable, "-m", "sandbox", "--help"], cwd=REPO_ROOT, capture_output=True, text=True, timeout=30)
    assert result.returncode == 0
    for option in ("--port", "--seed-date", "--faults", "--auto-signin", "--host"):
        assert option in result.stdout
    assert "free port" in result.stdout
    assert "retryAfterInSeconds" in result.stdout


def test_bad_faults_argument_is_refused() -> None:
    result = subprocess.run([sys.executable, "-m", "sandbox", "--port", "0", "--faults", "{not json"], cwd=REPO_ROOT, capture_output=True, text=True, timeout=30)
    assert result.returncode == 2
    assert "invalid --faults" in result.stderr


def test_process_serves_the_seed_date_and_stops() -> None:
    with SandboxProcess(seed_date="2026-08-03", faults='{"rate": 0}') as process:
        assert process.url.startswith("http://127.0.0.1:")
        users = httpx.get(process.url + "/_sandbox/users").json()
        token = httpx.post(process.url + "/_sandbox/tokens", json={"user": users[0]["userPrincipalName"]}).json()["access_token"]
        view = httpx.get(
            process.url + "/v1.0/me/calendarView",
            params={"startDateTime": "2026-08-03T00:00:00Z", "endDateTime": "2026-08-04T00:00:00Z"},
            headers={"Authorization": f"Bearer {token}"},
        )
        assert view.status_code == 200
        assert len(view.json()["value"]) >= 2
        popen = process._process
    assert popen is None or popen.poll() is not None
