"""A throwaway `redis-server` for the benchmark's Redis rows: free port, no persistence, stopped at the end."""

from __future__ import annotations

import shutil
import socket
import time
from pathlib import Path

from bench.errors import ProcessStartError
from bench.procs import ChildProcess, free_port

__all__ = ["RedisServer"]


def _pong(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(16).startswith(b"+PONG")
    except OSError:
        return False


class RedisServer:
    """`redis-server --port N --save '' --appendonly no` on 127.0.0.1, answering PING before use."""

    def __init__(self, *, log_path: Path, executable: str | None = None) -> None:
        self._executable = executable or shutil.which("redis-server")
        self._log_path = log_path
        self._child: ChildProcess | None = None
        self.port = 0
        self.url = ""
        self.ready_s: float | None = None

    @property
    def installed(self) -> bool:
        return self._executable is not None

    def start(self, *, timeout: float = 10.0) -> str:
        """Start the server and wait for PONG; return its `redis://` URL."""
        if self._executable is None:
            raise ProcessStartError("redis-server is not installed")
        self.port = free_port()
        self._child = ChildProcess(
            name="redis-server",
            argv=[self._executable, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
                  "--appendonly", "no"],
            log_path=self._log_path,
        )
        self._child.spawn()
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            if _pong(self.port):
                self.ready_s = time.perf_counter() - self._child.started_at
                self.url = f"redis://127.0.0.1:{self.port}/0"
                return self.url
            process = self._child.process
            if process is not None and process.poll() is not None:
                break
            time.sleep(0.02)
        message = self._child.last_log_line()
        self.stop()
        raise ProcessStartError(f"redis-server did not answer PING ({message})")

    def stop(self) -> None:
        if self._child is not None:
            self._child.stop()
            self._child = None
