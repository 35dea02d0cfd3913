"""Test helpers: a `python -m sandbox` child process and sync/async clients for the admin API."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from datetime import date, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

import httpx

__all__ = ["AdminClient", "AsyncAdminClient", "SandboxProcess", "SandboxStartError"]

REPO_ROOT = Path(__file__).resolve().parent.parent
LISTENING_PREFIX = "MIPA sandbox listening on "


class SandboxStartError(RuntimeError):
    """The child process did not print its listening line in time."""


class SandboxProcess:
    """Starts `python -m sandbox --host 127.0.0.1 --port 0` and exposes `.url` until the block ends."""

    def __init__(
        self,
        *,
        seed_date: date | str | None = None,
        now: datetime | None = None,
        auto_signin: bool | None = None,
        faults: str | None = None,
        extra_args: list[str] | None = None,
        start_timeout: float = 15.0,
        stop_timeout: float = 5.0,
    ) -> None:
        self.args = [sys.executable, "-m", "sandbox", "--host", "127.0.0.1", "--port", "0"]
        if seed_date is not None:
            self.args += ["--seed-date", str(seed_date)]
        if now is not None:
            self.args += ["--now", now.isoformat()]
        if auto_signin is not None:
            self.args.append("--auto-signin" if auto_signin else "--no-auto-signin")
        if faults is not None:
            self.args += ["--faults", faults]
        self.args += list(extra_args or [])
        self.start_timeout = start_timeout
        self.stop_timeout = stop_timeout
        self.url = ""
        self._process: subprocess.Popen[str] | None = None

    def start(self) -> str:
        env = dict(os.environ, PYTHONUNBUFFERED="1")
        self._process = subprocess.Popen(self.args, cwd=REPO_ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env)
        found: list[str] = []
        stdout = self._process.stdout
        assert stdout is not None

        def read() -> None:
            line = stdout.readline()
            found.append(line)

        reader = threading.Thread(target=read, daemon=True)
        reader.start()
        reader.join(self.start_timeout)
        line = found[0].strip() if found else ""
        if not line.startswith(LISTENING_PREFIX):
            self.stop()
            raise SandboxStartError(f"sandbox did not start (first line: {line!r})")
        self.url = line[len(LISTENING_PREFIX) :]
        return self.url

    def stop(self) -> None:
        process, self._process = self._process, None
        if process is None:
            return
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(self.stop_timeout)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(self.stop_timeout)
        if process.stdout is not None:
            process.stdout.close()

    def __enter__(self) -> SandboxProcess:
        self.start()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.stop()


def _token_body(user: str, scopes: list[str] | None, extra: dict[str, Any]) -> dict[str, Any]:
    body: dict[str, Any] = {"user": user, **extra}
    if scopes is not None:
        body["scopes"] = scopes
    return body


class AdminClient:
    """Synchronous client for `/_sandbox/`; also a handy `graph` httpx client on the same base URL."""

    def __init__(self, url: str, *, timeout: float = 10.0) -> None:
        self.url = url.rstrip("/")
        self._client = httpx.Client(base_url=self.url, timeout=timeout)

    def users(self) -> list[dict[str, Any]]:
        return self._ok(self._client.get("/_sandbox/users")).json()

    def default_user(self) -> dict[str, Any]:
        return self.users()[0]

    def token(self, user: str, scopes: list[str] | None = None, **extra: Any) -> str:
        """A Graph access token (or, with `sso=True` / `audience=...`, another audience)."""
        response = self._ok(self._client.post("/_sandbox/tokens", json=_token_body(user, scopes, extra)))
        return str(response.json()["access_token"])

    def set_faults(self, faults: dict[str, Any]) -> None:
        self._ok(self._client.put("/_sandbox/faults", json=faults))

    def clear_faults(self) -> None:
        self._ok(self._client.delete("/_sandbox/faults"))

    def requests(self) -> list[dict[str, Any]]:
        return self._ok(self._client.get("/_sandbox/requests")).json()

    def clear_requests(self) -> None:
        self._ok(self._client.delete("/_sandbox/requests"))

    def reset(self) -> None:
        self._ok(self._client.post("/_sandbox/reset"))

    def clock(self) -> datetime:
        """The sandbox's "now"."""
        return datetime.fromisoformat(self._ok(self._client.get("/_sandbox/clock")).json()["now"])

    def set_clock(self, now: datetime, *, running: bool = True) -> dict[str, Any]:
        """Pin the sandbox's clock at `now` (aware) and rebuild the demo tenant around that day."""
        body = {"now": now.isoformat(), "running": running}
        return self._ok(self._client.put("/_sandbox/clock", json=body)).json()

    def advance_clock(self, seconds: float) -> datetime:
        """Move the sandbox's clock forward (the tenant is kept); returns the new "now"."""
        answer = self._ok(self._client.post("/_sandbox/clock/advance", json={"seconds": seconds})).json()
        return datetime.fromisoformat(answer["now"])

    def signin_switches(self) -> dict[str, bool]:
        return self._ok(self._client.get("/_sandbox/signin")).json()

    def set_signin(self, *, auto_signin: bool | None = None, magic_code: bool | None = None, consent_required: bool | None = None) -> dict[str, bool]:
        body = {k: v for k, v in (("autoSignIn", auto_signin), ("magicCode", magic_code), ("consentRequired", consent_required)) if v is not None}
        return self._ok(self._client.put("/_sandbox/signin", json=body)).json()

    def settings(self) -> dict[str, Any]:
        return self._ok(self._client.get("/_sandbox/settings")).json()

    def set_settings(self, **settings: Any) -> dict[str, Any]:
        """Change Graph switches, e.g. `deprecatedEmpty=True` or `deprecatedEmptyUsers=[upn]` (see README)."""
        return self._ok(self._client.put("/_sandbox/settings", json=settings)).json()

    @staticmethod
    def _ok(response: httpx.Response) -> httpx.Response:
        response.raise_for_status()
        return response

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> AdminClient:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.close()


class AsyncAdminClient:
    """The async twin of `AdminClient`, for async tests and the benchmark."""

    def __init__(self, url: str, *, timeout: float = 10.0) -> None:
        self.url = url.rstrip("/")
        self._client = httpx.AsyncClient(base_url=self.url, timeout=timeout)

    async def users(self) -> list[dict[str, Any]]:
        return (await self._ok(self._client.get("/_sandbox/users"))).json()

    async def token(self, user: str, scopes: list[str] | None = None, **extra: Any) -> str:
        response = await self._ok(self._client.post("/_sandbox/tokens", json=_token_body(user, scopes, extra)))
        return str(response.json()["access_token"])

    async def set_faults(self, faults: dict[str, Any]) -> None:
        await self._ok(self._client.put("/_sandbox/faults", json=faults))

    async def clear_faults(self) -> None:
        await self._ok(self._client.delete("/_sandbox/faults"))

    async def requests(self) -> list[dict[str, Any]]:
        return (await self._ok(self._client.get("/_sandbox/requests"))).json()

    async def clear_requests(self) -> None:
        await self._ok(self._client.delete("/_sandbox/requests"))

    async def reset(self) -> None:
        await self._ok(self._client.post("/_sandbox/reset"))

    async def set_clock(self, now: datetime, *, running: bool = True) -> dict[str, Any]:
        body = {"now": now.isoformat(), "running": running}
        return (await self._ok(self._client.put("/_sandbox/clock", json=body))).json()

    async def set_signin(self, *, auto_signin: bool | None = None, magic_code: bool | None = None, consent_required: bool | None = None) -> dict[str, bool]:
        body = {k: v for k, v in (("autoSignIn", auto_signin), ("magicCode", magic_code), ("consentRequired", consent_required)) if v is not None}
        return (await self._ok(self._client.put("/_sandbox/signin", json=body))).json()

    async def set_settings(self, **settings: Any) -> dict[str, Any]:
        return (await self._ok(self._client.put("/_sandbox/settings", json=settings))).json()

    @staticmethod
    async def _ok(pending: Any) -> httpx.Response:
        response: httpx.Response = await pending
        response.raise_for_status()
        return response

    async def aclose(self) -> None:
        await self._client.aclose()

    async def __aenter__(self) -> AsyncAdminClient:
        return self

    async def __aexit__(self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        await self.aclose()
