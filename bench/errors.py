"""The benchmark's one exception tree.

    BenchError
    └── LoadGeneratorError  the load generator process answered badly or died

A child process that exits or never prints its ready line raises `devkit.ProcessStartError` (devkit/ holds the
process helpers the tests share).
"""

from __future__ import annotations

__all__ = ["BenchError", "LoadGeneratorError"]


class BenchError(Exception):
    """Anything that stops a benchmark measurement."""


class LoadGeneratorError(BenchError):
    """The load generator process died or sent something that is not a result."""
