"""Everything one sandbox holds in memory: tenant, token issuer, faults, request log, sign-in state."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .faults import Faults
from .tenant import Tenant, build_tenant
from .tokens import TokenIssuer

__all__ = ["SandboxState", "SignInSwitches"]


@dataclass(slots=True)
class SignInSwitches:
    auto_signin: bool = False
    magic_code: bool = True
    consent_required: bool = False

    def as_dict(self) -> dict[str, bool]:
        return {"autoSignIn": self.auto_signin, "magicCode": self.magic_code, "consentRequired": self.consent_required}


@dataclass(slots=True)
class SandboxState:
    seed_date: date
    tenant: Tenant
    issuer: TokenIssuer
    initial_faults: dict[str, Any]
    faults: Faults
    initial_switches: SignInSwitches
    switches: SignInSwitches
    log: list[dict[str, Any]] = field(default_factory=list)
    #: (channel user id, connection, channel id) → demo user id with a token.
    user_tokens: dict[tuple[str, str, str], str] = field(default_factory=dict)
    #: magic code → (channel user id, connection, channel id, demo user id).
    pending_codes: dict[str, tuple[str, str, str, str]] = field(default_factory=dict)
    #: sign-in page state → (channel user id, connection, channel id).
    signin_states: dict[str, tuple[str, str, str]] = field(default_factory=dict)

    @classmethod
    def create(cls, *, seed_date: date, faults: dict[str, Any] | None, auto_signin: bool) -> SandboxState:
        tenant = build_tenant(seed_date)
        switches = SignInSwitches(auto_signin=auto_signin)
        return cls(
            seed_date=seed_date,
            tenant=tenant,
            issuer=TokenIssuer(tenant_id=tenant.tenant_id),
            initial_faults=dict(faults or {}),
            faults=Faults.from_config(faults or {}),
            initial_switches=SignInSwitches(**{k: getattr(switches, k) for k in ("auto_signin", "magic_code", "consent_required")}),
            switches=switches,
        )

    def reset(self) -> None:
        """Back to the seed: data, faults, request log, token store and sign-in switches."""
        self.tenant = build_tenant(self.seed_date)
        self.faults = Faults.from_config(self.initial_faults)
        self.log.clear()
        self.user_tokens.clear()
        self.pending_codes.clear()
        self.signin_states.clear()
        init = self.initial_switches
        self.switches = SignInSwitches(auto_signin=init.auto_signin, magic_code=init.magic_code, consent_required=init.consent_required)
