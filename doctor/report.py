"""The doctor's findings: one `Check` per line, its status, and the output that never shows a secret."""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from config import Settings

__all__ = ["Check", "Status", "format_report", "secrets_of"]

# Secrets shorter than this are not searched for in the output: replacing "x" everywhere would garble
# every line, and such a value is not a real secret anyway (the doctor never prints a secret it knows).
_MIN_REDACTED = 6


class Status(enum.Enum):
    OK = "ok"
    WARN = "warn"
    FAIL = "FAIL"
    SKIP = "skip"


@dataclass(frozen=True, slots=True)
class Check:
    """One finding: `name` is what was checked (a setting, a file, a service); `detail` is one sentence."""

    name: str
    status: Status
    detail: str

    @classmethod
    def ok(cls, name: str, detail: str) -> Check:
        return cls(name, Status.OK, detail)

    @classmethod
    def fail(cls, name: str, detail: str) -> Check:
        return cls(name, Status.FAIL, detail)

    @classmethod
    def warn(cls, name: str, detail: str) -> Check:
        return cls(name, Status.WARN, detail)

    @classmethod
    def skip(cls, name: str, detail: str) -> Check:
        return cls(name, Status.SKIP, detail)


def secrets_of(settings: Settings | None, extra: Iterable[str] = ()) -> list[str]:
    """Every secret value the settings hold: the client secret, the store key, a password inside STORAGE_URL."""
    found = list(extra)
    if settings is not None:
        found += [settings.app_password, settings.storage_key]
        try:
            found.append(urlsplit(settings.storage_url).password or "")
        except ValueError:
            pass
    return sorted({value for value in found if len(value) >= _MIN_REDACTED}, key=len, reverse=True)


def _redact(text: str, secrets: Sequence[str]) -> str:
    for secret in secrets:
        text = text.replace(secret, "***")
    return " ".join(text.split())  # one line, whatever a library's message held


def format_report(checks: Sequence[Check], secrets: Sequence[str]) -> str:
    """One line per check, then a summary line; every known secret is replaced by ***."""
    width = max((len(check.name) for check in checks), default=0)
    lines = [
        f"[{check.status.value:>4}] {check.name:<{width}}  {_redact(check.detail, secrets)}" for check in checks
    ]
    counts = {status: sum(check.status is status for check in checks) for status in Status}
    lines.append(
        f"{len(checks)} checks: {counts[Status.OK]} ok, {counts[Status.FAIL]} failed, "
        f"{counts[Status.WARN]} warnings, {counts[Status.SKIP]} skipped"
    )
    return "\n".join(lines)
