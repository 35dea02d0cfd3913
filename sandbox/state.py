"""Everything one sandbox holds in memory: tenant, token issuer, faults, request log, sign-in state."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from aiohttp import web

from clock import Clock, SystemClock

from .faults import Faults
from .subscriptions import Hub
from .tenant import Tenant, build_tenant
from .tokens import TokenIssuer

__all__ = ["STATE", "SandboxState", "SignInSwitches", "TenantSettings"]


@dataclass(slots=True)
class SignInSwitches:
    auto_signin: bool = False
    magic_code: bool = True
    consent_required: bool = False

    def as_dict(self) -> dict[str, bool]:
        return {"autoSignIn": self.auto_signin, "magicCode": self.magic_code, "consentRequired": self.consent_required}


@dataclass(frozen=True, slots=True)
class TenantSettings:
    """Behaviour switches for Graph itself (admin `PUT /_sandbox/settings`)."""

    #: `/me/drive/recent` and `/me/drive/sharedWithMe` answer `{"value": []}` for everyone (reference §5.7).
    deprecated_empty: bool = False
    #: ... or only for these demo user ids.
    deprecated_empty_users: frozenset[str] = frozenset()

    def drive_lists_empty(self, user_id: str) -> bool:
        return self.deprecated_empty or user_id in self.deprecated_empty_users

    def as_dict(self) -> dict[str, Any]:
        return {"deprecatedEmpty": self.deprecated_empty, "deprecatedEmptyUsers": sorted(self.deprecated_empty_users)}


@dataclass(slots=True)
class SandboxState:
    #: The date the demo tenant was built around: `fixed_seed`, else the clock's date (UTC) at the last (re)seed.
    seed_date: date
    tenant: Tenant
    issuer: TokenIssuer
    initial_faults: dict[str, Any]
    faults: Faults
    initial_switches: SignInSwitches
    switches: SignInSwitches
    initial_settings: TenantSettings = field(default_factory=TenantSettings)
    settings: TenantSettings = field(default_factory=TenantSettings)
    log: list[dict[str, Any]] = field(default_factory=list)
    #: Bumped by reset and log clearing; a request logs only if the generation it started in is current.
    log_generation: int = 0
    #: (channel user id, connection, channel id) → demo user id with a token.
    user_tokens: dict[tuple[str, str, str], str] = field(default_factory=dict)
    #: (channel user id, connection, channel id) → the access token last handed out, its expiry (epoch seconds)
    #: and its demo user id: GetToken hands the stored token out again until it nears its expiry, as the Bot
    #: Framework token service does; sign-out and reset drop it.
    issued_tokens: dict[tuple[str, str, str], tuple[str, int, str]] = field(default_factory=dict)
    #: magic code → (channel user id, connection, channel id, demo user id).
    pending_codes: dict[str, tuple[str, str, str, str]] = field(default_factory=dict)
    #: sign-in page state → (channel user id, connection, channel id).
    signin_states: dict[str, tuple[str, str, str]] = field(default_factory=dict)
    #: The sandbox's "now" for data (created/modified stamps, default search windows, the demo week).
    clock: Clock = field(default_factory=SystemClock)
    #: The clock the process started with; `reset` goes back to it.
    initial_clock: Clock = field(default_factory=SystemClock)
    #: `--seed-date`: every person's demo week is built around this date, whatever the clock says.
    fixed_seed: date | None = None
    #: Change-notification subscriptions, the event change log (delta) and deliveries; "now" is `clock`'s.
    hub: Hub = field(init=False)
    #: Outlook requests in flight per mailbox (user id), for Graph's MailboxConcurrency limit; survives resets.
    mailbox_in_flight: dict[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.hub = Hub(now=lambda: self.clock.now(), tenant_id=self.tenant.tenant_id)

    @classmethod
    def create(
        cls, *, seed_date: date | None, faults: dict[str, Any] | None, auto_signin: bool, deprecated_empty: bool = False,
        clock: Clock | None = None,
    ) -> SandboxState:
        """`seed_date` None: each person's demo week is built around their own today, by `clock`."""
        clock = clock if clock is not None else SystemClock()
        switches = SignInSwitches(auto_signin=auto_signin)
        seed, tenant = _seed(clock, seed_date)
        return cls(
            seed_date=seed,
            tenant=tenant,
            clock=clock,
            initial_clock=clock,
            fixed_seed=seed_date,
            issuer=TokenIssuer(tenant_id=tenant.tenant_id),
            initial_faults=dict(faults or {}),
            faults=Faults.from_config(faults or {}),
            initial_switches=SignInSwitches(**{k: getattr(switches, k) for k in ("auto_signin", "magic_code", "consent_required")}),
            switches=switches,
            initial_settings=TenantSettings(deprecated_empty=deprecated_empty),
            settings=TenantSettings(deprecated_empty=deprecated_empty),
        )

    def clear_log(self) -> None:
        """Empty the request log; requests already running will not be logged when they finish."""
        self.log.clear()
        self.log_generation += 1

    def reseed(self) -> None:
        """Rebuild the demo tenant around the clock's today (or the fixed seed date)."""
        self.seed_date, self.tenant = _seed(self.clock, self.fixed_seed)

    def set_clock(self, clock: Clock) -> None:
        """Use `clock` from now on and rebuild the demo tenant around its today (admin `PUT /_sandbox/clock`)."""
        self.clock = clock
        self.reseed()

    def reset(self) -> None:
        """Back to the seed: clock, data, faults, request log, token store, sign-in switches and settings."""
        self.clock = self.initial_clock
        self.reseed()
        self.settings = self.initial_settings
        self.faults = Faults.from_config(self.initial_faults)
        self.clear_log()
        self.user_tokens.clear()
        self.issued_tokens.clear()
        self.pending_codes.clear()
        self.signin_states.clear()
        self.hub.reset()
        init = self.initial_switches
        self.switches = SignInSwitches(auto_signin=init.auto_signin, magic_code=init.magic_code, consent_required=init.consent_required)


def _seed(clock: Clock, fixed: date | None) -> tuple[date, Tenant]:
    if fixed is not None:
        return fixed, build_tenant(fixed)
    now = clock.now()
    return now.date(), build_tenant(now.date(), now=now)
#: Where the app keeps its one state (the Graph pipeline, the admin API and the token service read it).
STATE: web.AppKey[SandboxState] = web.AppKey("sandbox_state", SandboxState)
