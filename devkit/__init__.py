"""Development helpers shared by tests/ and bench/: child processes on loopback (never imported by the product)."""

from devkit.processes import (
    ChildProcess,
    MipaProcess,
    ProcessStartError,
    RedisServer,
    cpu_seconds,
    free_port,
    rss_mb,
)

__all__ = ["ChildProcess", "MipaProcess", "ProcessStartError", "RedisServer", "cpu_seconds", "free_port", "rss_mb"]
