"""Fault injection on Graph paths, the Microsoft Dev Proxy way (its setting names where they fit)."""

from __future__ import annotations

import base64
import fnmatch
import json
import random
import time
from dataclasses import dataclass, field
from email.utils import formatdate
from typing import Any

from .errors import GraphError

__all__ = ["FaultConfigError", "Faults", "claims_challenge", "mailbox_concurrency"]

_METHOD_ERRORS = {
    "GET": (429, 500, 502, 503, 504),
    "PATCH": (429, 500, 502, 503, 504),
    "POST": (429, 500, 502, 503, 504, 507),
    "PUT": (429, 500, 502, 503, 504, 507),
    "DELETE": (429, 500, 502, 503, 504, 507),
}
_ERRORS: dict[int, tuple[str, str]] = {
    400: ("BadRequest", "The request was invalid."),
    429: ("TooManyRequests", "Please retry again later."),
    500: ("generalException", "An internal server error occurred."),
    502: ("BadGateway", "Bad gateway."),
    503: ("serviceNotAvailable", "The service is temporarily unavailable. Please retry later."),
    504: ("GatewayTimeout", "The gateway timed out."),
    507: ("quotaLimitReached", "Insufficient storage."),
}
WRITE_METHODS = {"POST", "PATCH", "PUT", "DELETE"}
WWW_AUTH = 'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"'
CAE_MESSAGE = "Continuous access evaluation resulted in challenge with result: InteractionRequired and code: TokenIssuedBeforeRevocationTimestamp"


class FaultConfigError(ValueError):
    """A faults document the sandbox cannot use."""


def claims_challenge(now: float) -> GraphError:
    claims = json.dumps({"access_token": {"nbf": {"essential": True, "value": str(int(now))}}}, separators=(",", ":"))
    encoded = base64.b64encode(claims.encode()).decode()
    if not encoded.endswith("="):
        encoded = base64.b64encode((claims + " ").encode()).decode()
    header = f'{WWW_AUTH}, error="insufficient_claims", claims="{encoded}", errorDescription="{CAE_MESSAGE}"'
    return GraphError(401, "InvalidAuthenticationToken", CAE_MESSAGE, headers={"WWW-Authenticate": header})


def mailbox_concurrency(retry_after: str | None) -> GraphError:
    """Graph's answer to one more concurrent Outlook request than a mailbox allows an app (graph-api.md §6.1)."""
    headers = {"Retry-After": retry_after} if retry_after is not None else {}
    return GraphError(429, "ApplicationThrottled", "Application is over its MailboxConcurrency limit.", headers=headers)


def error_for(status: int, retry_after: str | None) -> GraphError:
    code, message = _ERRORS.get(status, ("UnknownError", "An error was injected."))
    headers = {"Retry-After": retry_after} if retry_after is not None and status in (429, 503) else {}
    inner = "429" if status == 429 else None
    return GraphError(status, code, message, inner_code=inner, headers=headers)


@dataclass(slots=True)
class Rule:
    method: str | None
    path: str
    nth: int | None
    fault: str | None
    respond: dict[str, Any] | None
    once: bool
    seen: int = 0
    spent: bool = False

    def matches(self, method: str, path: str) -> bool:
        if self.spent:
            return False
        if self.method and self.method.upper() != method:
            return False
        return fnmatch.fnmatchcase(path.lower(), self.path.lower())


@dataclass(slots=True)
class Faults:
    """The live fault settings and their counters."""

    rate: float = 0.0
    allowed_errors: tuple[int, ...] = (429, 500, 502, 503, 504)
    retry_after_seconds: float = 5
    retry_after_format: str = "int"
    paths: tuple[str, ...] = ()
    latency: tuple[int, int] = (0, 0)
    rate_limit: dict[str, float] | None = None
    rules: list[Rule] = field(default_factory=list)
    rng: random.Random = field(default_factory=lambda: random.Random(0))
    throttled_until: dict[str, tuple[float, float]] = field(default_factory=dict)
    window_start: float = 0.0
    window_used: float = 0.0
    revoked_tokens: set[str] = field(default_factory=set)
    #: Outlook requests one mailbox may have in flight for the app (Graph: 4); 0 lifts the limit.
    mailbox_concurrency: int = 4
    #: `Retry-After` (seconds) of the 429 `MailboxConcurrency` answer.
    mailbox_retry_after: float = 1

    @classmethod
    def from_config(cls, config: dict[str, Any]) -> Faults:
        if not isinstance(config, dict):
            raise FaultConfigError("faults must be a JSON object")
        try:
            faults = cls(rng=random.Random(int(config.get("seed") or 0)))
            faults.rate = float(config.get("rate") or config.get("failureRate") or 0)
            if not 0 <= faults.rate <= 100:
                raise FaultConfigError("rate is a percentage between 0 and 100")
            if "allowedErrors" in config:
                faults.allowed_errors = tuple(int(x) for x in config["allowedErrors"])
            faults.retry_after_seconds = float(config.get("retryAfterInSeconds", 5))
            faults.retry_after_format = str(config.get("retryAfterFormat", "int"))
            faults.paths = tuple(str(p) for p in (config.get("paths") or config.get("urlsToWatch") or ()))
            latency = config.get("latency") or {}
            if latency:
                faults.latency = (int(latency.get("minMs", 0)), int(latency.get("maxMs", latency.get("minMs", 0))))
            if "mailboxConcurrency" in config:
                faults.mailbox_concurrency = int(config["mailboxConcurrency"])
                if faults.mailbox_concurrency < 0:
                    raise FaultConfigError("mailboxConcurrency is 0 (no limit) or more")
            if "mailboxRetryAfterInSeconds" in config:
                faults.mailbox_retry_after = float(config["mailboxRetryAfterInSeconds"])
            limit = config.get("rateLimiting")
            if limit:
                faults.rate_limit = {
                    "rateLimit": float(limit.get("rateLimit", 120)),
                    "costPerRequest": float(limit.get("costPerRequest", 2)),
                    "resetTimeWindowSeconds": float(limit.get("resetTimeWindowSeconds", 60)),
                    "warningThresholdPercent": float(limit.get("warningThresholdPercent", 80)),
                }
            for raw in config.get("rules", []):
                match = raw.get("match") or {}
                faults.rules.append(
                    Rule(
                        method=match.get("method"),
                        path=str(match.get("path", "*")),
                        nth=int(match["nth"]) if match.get("nth") is not None else None,
                        fault=raw.get("fault"),
                        respond=raw.get("respond"),
                        once=bool(raw.get("once", raw.get("fault") == "cae_challenge")),
                    )
                )
        except (TypeError, ValueError, KeyError, AttributeError) as exc:
            raise FaultConfigError(str(exc)) from exc
        return faults

    @property
    def active(self) -> bool:
        return bool(self.rate or self.latency[1] or self.rate_limit or self.rules or self.throttled_until or self.revoked_tokens)

    def retry_after(self, seconds: float) -> str | None:
        fmt = self.retry_after_format
        if fmt == "absent":
            return None
        if fmt == "float":
            return f"{seconds:.3f}"
        if fmt == "http_date":
            return formatdate(time.time() + seconds, usegmt=True)
        if fmt == "comma":
            return f"{int(seconds)},120"
        return str(max(0, round(seconds)))

    def delay_seconds(self) -> float:
        low, high = self.latency
        return self.rng.uniform(low, high) / 1000 if high else 0.0

    @staticmethod
    def key(path: str) -> str:
        parts = path.strip("/").split("/")
        return parts[1].lower() if len(parts) > 1 else parts[0]

    def before(
        self, method: str, path: str, caller: str = "", *, now: float | None = None
    ) -> tuple[GraphError | None, str | None, dict[str, str]]:
        """(an error to answer instead, a post-handler fault name, headers to add) for one Graph call.

        A 429 throttles the same caller (token) on the same workload until its Retry-After has passed,
        and an early retry restarts that wait, as Graph throttles per app and user (graph-api.md §6.1);
        other users are not held back by it. `now` (seconds) is the sandbox clock's: throttling windows pass
        as it runs, or as a test advances it (`POST /_sandbox/clock/advance`)."""
        now = time.monotonic() if now is None else now
        key = f"{caller}|{self.key(path)}"
        extra: dict[str, str] = {}
        window = self.throttled_until.get(key)
        if window is not None:
            until, length = window
            if now < until:
                self.throttled_until[key] = (now + length, length)
                return error_for(429, self.retry_after(length)), None, extra
            del self.throttled_until[key]
        post: str | None = None
        for rule in self.rules:
            if not rule.matches(method, path):
                continue
            rule.seen += 1
            if rule.nth is not None and rule.seen != rule.nth:
                continue
            if rule.once:
                rule.spent = True
            if rule.fault in ("commit_then_fail_504", "commit_then_504"):
                post = "commit_then_504"
                continue
            if rule.fault in ("cae_challenge", "claims_challenge"):
                post = "claims_challenge"
                continue
            respond = rule.respond or {"status": 503}
            status = int(respond.get("status", respond.get("statusCode", 503)))
            if isinstance(respond.get("body"), dict) and "error" in respond["body"]:
                err = respond["body"]["error"]
                error = GraphError(status, str(err.get("code", "")), str(err.get("message", "")))
            else:
                error = error_for(status, self.retry_after(self.retry_after_seconds))
            error.headers.update({str(k): str(v) for k, v in (respond.get("headers") or {}).items()})
            return self._register(error, key, now), None, extra
        if self.rate_limit:
            limited = self._rate_limit(now, extra)
            if limited is not None:
                return self._register(limited, key, now), None, {}
        if self.rate and (not self.paths or any(fnmatch.fnmatchcase(path.lower(), p.lower()) for p in self.paths)):
            if self.rng.randint(1, 100) <= self.rate:
                choices = [s for s in _METHOD_ERRORS.get(method, (500,)) if s in self.allowed_errors] or list(self.allowed_errors)
                status = self.rng.choice(choices)
                return self._register(error_for(status, self.retry_after(self.retry_after_seconds)), key, now), None, extra
        return None, post, extra

    def _register(self, error: GraphError, key: str, now: float) -> GraphError:
        if error.status == 429:
            seconds = self.retry_after_seconds
            value = error.headers.get("Retry-After")
            if value:
                try:
                    seconds = float(value.split(",")[0])
                except ValueError:
                    pass
            if seconds > 0:
                self.throttled_until[key] = (now + seconds, seconds)
        return error

    def _rate_limit(self, now: float, extra: dict[str, str]) -> GraphError | None:
        assert self.rate_limit is not None
        limit = self.rate_limit["rateLimit"]
        cost = self.rate_limit["costPerRequest"]
        length = self.rate_limit["resetTimeWindowSeconds"]
        if now - self.window_start >= length or self.window_start == 0.0:
            self.window_start, self.window_used = now, 0.0
        reset = max(0.0, self.window_start + length - now)
        if self.window_used + cost > limit:
            error = error_for(429, str(max(1, round(reset))))
            error.headers.update({"RateLimit-Limit": str(int(limit)), "RateLimit-Remaining": "0", "RateLimit-Reset": str(max(1, round(reset)))})
            return error
        self.window_used += cost
        remaining = limit - self.window_used
        if self.window_used >= limit * self.rate_limit["warningThresholdPercent"] / 100:
            extra.update({"RateLimit-Limit": str(int(limit)), "RateLimit-Remaining": str(int(remaining)), "RateLimit-Reset": str(max(1, round(reset)))})
        return None
