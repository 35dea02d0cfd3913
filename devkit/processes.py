"""Child processes on loopback: a free port, a process with its log and ready line, MIPA's app, a redis-server.

One copy for the tests (tests/support, tests/e2e) and the benchmark (bench/): bench must not import tests/, and
the product imports nothing from here.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import IO

import httpx

__all__ = ["ChildProcess", "MipaProcess", "ProcessStartError", "RedisServer", "cpu_seconds", "free_port", "rss_mb"]

logger = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parents[1]
READY = re.compile(r"listening on (http://[^\s\"']+)")


class ProcessStartError(RuntimeError):
    """A child process exited early, never printed its ready line, or is not installed."""


def _log_file(prefix: str) -> Path:
    handle, name = tempfile.mkstemp(prefix=f"mipa-{prefix}-", suffix=".log")
    os.close(handle)
    return Path(name)


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
    """One child process, its stdout and stderr going to a log file (or stdout kept for its ready line)."""

    def __init__(
        self,
        *,
        name: str,
        argv: Sequence[str],
        log_path: Path,
        env: Mapping[str, str] | None = None,
        environ: Mapping[str, str] | None = None,
        cwd: Path | None = None,
        stdin: int | None = None,
        capture_stdout: bool = False,
    ) -> None:
        self.name = name
        self._argv = list(argv)
        self._log_path = log_path
        # `environ` replaces the inherited environment (default: this process's); `env` is laid over it.
        self._env = {**(os.environ if environ is None else environ), **(env or {}), "PYTHONUNBUFFERED": "1"}
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


class MipaProcess(ChildProcess):
    """`python app.py` in local mode on 127.0.0.1, with the given settings (the environment's Microsoft*, STORAGE_*
    and SANDBOX_* settings left out); started by `start()`, which returns its URL from its ready line."""

    def __init__(self, *, settings: Mapping[str, str], name: str = "mipa", log_path: Path | None = None) -> None:
        environ = {k: v for k, v in os.environ.items() if not k.startswith(("Microsoft", "STORAGE_", "SANDBOX_"))}
        super().__init__(
            name=name,
            argv=[sys.executable, "app.py"],
            log_path=log_path or _log_file(name),
            env={"HOST": "127.0.0.1", "PORT": "0", **settings},
            environ=environ,
            cwd=ROOT,
            capture_stdout=True,
        )

    def start(self, *, ready_timeout: float = 60.0) -> str:
        """Start the app and wait for its ready line; stopped again if it never comes."""
        try:
            return super().start(ready_timeout=ready_timeout)
        except ProcessStartError:
            self.stop()
            raise

    def logs(self) -> str:
        """What the process has logged so far (stderr)."""
        return self._log_path.read_text(errors="replace")


def _pong(port: int) -> bool:
    """Whether a Redis server answers on `port` (PONG, or NOAUTH when it asks for a password)."""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(16).startswith((b"+PONG", b"-NOAUTH"))
    except OSError:
        return False


class RedisServer:
    """`redis-server --save '' --appendonly no` on 127.0.0.1, answering PING before use.

    The port is chosen at the first start unless given, and kept: `stop()` then `start()` serves the same URL.
    """

    def __init__(self, *, port: int = 0, password: str | None = None, log_path: Path | None = None,
                 executable: str | None = None) -> None:
        self._executable = executable or shutil.which("redis-server")
        self._log_path = log_path
        self._child: ChildProcess | None = None
        self.port = port
        self.password = password
        self.ready_s: float | None = None

    @property
    def installed(self) -> bool:
        return self._executable is not None

    @property
    def url(self) -> str:
        """The `redis://` URL (with the password); empty while no port is chosen."""
        if not self.port:
            return ""
        auth = f":{self.password}@" if self.password else ""
        return f"redis://{auth}127.0.0.1:{self.port}/0"

    def start(self, *, timeout: float = 10.0) -> str:
        """Start the server and wait for it to answer; return its URL."""
        if self._executable is None:
            raise ProcessStartError("redis-server is not installed (apt-get install -y redis-server)")
        chosen = not self.port
        self.port = self.port or free_port()
        argv = [self._executable, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
        if self.password:
            argv += ["--requirepass", self.password]
        self._child = ChildProcess(name="redis-server", argv=argv, log_path=self._log_path or _log_file("redis"))
        self._child.spawn()
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            if _pong(self.port):
                self.ready_s = time.perf_counter() - self._child.started_at
                return self.url
            process = self._child.process
            if process is not None and process.poll() is not None:
                break
            time.sleep(0.02)
        message = self._child.last_log_line()
        self.stop()
        if chosen:
            self.port = 0  # no URL for a server that never ran
        raise ProcessStartError(f"redis-server did not answer PING ({message})")

    def stop(self) -> None:
        if self._child is not None:
            self._child.stop()
            self._child = None
