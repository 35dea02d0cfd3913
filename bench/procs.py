"""Child processes for the benchmark: start, wait for the ready line, time /healthz, read RSS, stop."""

from __future__ import annotations

import logging
import os
import re
import socket
import subprocess
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import IO

import httpx

from bench.errors import ProcessStartError

__all__ = ["ChildProcess", "cpu_seconds", "free_port", "rss_mb"]

logger = logging.getLogger(__name__)

READY = re.compile(r"listening on (http://[^\s\"']+)")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def rss_mb(pid: int) -> float | None:
    """Resident set size of `pid` in MiB, from /proc/<pid>/status (None where /proc is missing)."""
    try:
        text = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    match = re.search(r"^VmRSS:\s+(\d+)\s+kB", text, re.MULTILINE)
    return int(match.group(1)) / 1024 if match else None


def cpu_seconds(pid: int) -> float | None:
    """User + system CPU seconds `pid` has used, from /proc/<pid>/stat (None where /proc is missing)."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = text.rsplit(")", 1)[-1].split()  # the command name may hold spaces; fields after it are fixed
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class ChildProcess:
    """One process under measurement, with stdout and stderr going to a log file."""

    def __init__(
        self,
        *,
        name: str,
        argv: Sequence[str],
        log_path: Path,
        env: Mapping[str, str] | None = None,
        cwd: Path | None = None,
        stdin: int | None = None,
        capture_stdout: bool = False,
    ) -> None:
        self.name = name
        self._argv = list(argv)
        self._log_path = log_path
        self._env = {**os.environ, **(env or {}), "PYTHONUNBUFFERED": "1"}
        self._cwd = cwd
        self._stdin = stdin
        self._capture = capture_stdout
        self._log: IO[bytes] | None = None
        self.process: subprocess.Popen[bytes] | None = None
        self.started_at = 0.0
        self.url = ""

    @property
    def pid(self) -> int:
        assert self.process is not None
        return self.process.pid

    def start(self, *, ready_timeout: float = 30.0) -> str:
        """Start the process and wait for `... listening on http://HOST:PORT`; return that URL."""
        self.spawn()
        return self.wait_ready(ready_timeout=ready_timeout)

    def spawn(self) -> None:
        """Start the process without waiting for it."""
        self._log_path.parent.mkdir(parents=True, exist_ok=True)
        self._log = self._log_path.open("wb")
        self.started_at = time.perf_counter()
        self.process = subprocess.Popen(
            self._argv,
            cwd=self._cwd,
            env=self._env,
            stdin=self._stdin,
            stdout=subprocess.PIPE if self._capture else self._log,
            stderr=self._log if self._capture else subprocess.STDOUT,
        )

    def wait_ready(self, *, ready_timeout: float = 30.0) -> str:
        """Wait for the ready line `... listening on http://HOST:PORT`; return that URL."""
        assert self.process is not None
        deadline = self.started_at + ready_timeout
        if self._capture:
            assert self.process.stdout is not None
            line = self.process.stdout.readline().decode(errors="replace")
            match = READY.search(line)
            if match is None:
                raise ProcessStartError(f"{self.name} did not print its ready line (see {self._log_path})")
            self.url = match.group(1)
            return self.url
        while time.perf_counter() < deadline:
            match = READY.search(self._log_path.read_text(errors="replace"))
            if match:
                self.url = match.group(1)
                return self.url
            if self.process.poll() is not None:
                raise ProcessStartError(
                    f"{self.name} exited with {self.process.returncode} (see {self._log_path})"
                )
            time.sleep(0.01)
        raise ProcessStartError(f"{self.name} was not ready in {ready_timeout:.0f} s (see {self._log_path})")

    def first_answer(self, url: str, *, timeout: float = 30.0) -> tuple[float, int] | None:
        """Poll `url` from process start until any HTTP answer: (seconds since start, status), or None."""
        deadline = time.perf_counter() + timeout
        with httpx.Client(timeout=1.0) as client:
            while time.perf_counter() < deadline:
                try:
                    status = client.get(url).status_code
                    return time.perf_counter() - self.started_at, status
                except httpx.TransportError:
                    pass
                if self.process is not None and self.process.poll() is not None:
                    return None
                time.sleep(0.005)
        return None

    def last_log_line(self) -> str:
        """The last non-empty line the process wrote (its exception, when it crashed)."""
        try:
            lines = [line.strip() for line in self._log_path.read_text(errors="replace").splitlines()]
        except OSError:
            return ""
        return next((line for line in reversed(lines) if line), "")[:200]

    def rss_mb(self) -> float | None:
        return rss_mb(self.pid) if self.process is not None else None

    def cpu_seconds(self) -> float | None:
        return cpu_seconds(self.pid) if self.process is not None else None

    def stop(self, *, timeout: float = 10.0) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=timeout)
        if self.process is not None:
            for stream in (self.process.stdin, self.process.stdout):
                if stream is not None:
                    stream.close()
        if self._log is not None:
            self._log.close()
            self._log = None

    def __enter__(self) -> ChildProcess:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.stop()
