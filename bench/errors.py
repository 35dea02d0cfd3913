"""The benchmark's one exception tree.

    BenchError
    ├── ProcessStartError   a child process exited or never printed its ready line
    └── LoadGeneratorError  the load generator process answered badly or died
"""

from __future__ import annotations

__all__ = ["BenchError", "LoadGeneratorError", "ProcessStartError"]


class BenchError(Exception):
    """Anything that stops a benchmark measurement."""


class ProcessStartError(BenchError):
    """A child process exited early or did not become ready in time."""


class LoadGeneratorError(BenchError):
    """The load generator process died or sent something that is not a result."""
