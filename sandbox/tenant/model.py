"""The in-memory tenant: people, their mailboxes, groups and sites, as plain dicts keyed by id."""

from __future__ import annotations

import base64
import random
from dataclasses import dataclass, field
from typing import Any

__all__ = ["Mailbox", "Person", "Tenant", "outlook_id", "etag"]


@dataclass(frozen=True, slots=True)
class Person:
    """A demo user of the tenant."""

    id: str
    upn: str
    display_name: str
    given_name: str
    surname: str
    job_title: str
    office: str
    locale: str
    time_zone: str
    work_start: str = "09:00:00.0000000"
    work_end: str = "17:00:00.0000000"
    work_days: tuple[str, ...] = ("monday", "tuesday", "wednesday", "thursday", "friday")
    phone: str = "+1 425 555 0100"

    @property
    def mail(self) -> str:
        return self.upn

    def graph(self) -> dict[str, Any]:
        """The default property set, in Graph's order (reference §5.1)."""
        return {
            "businessPhones": [self.phone],
            "displayName": self.display_name,
            "givenName": self.given_name,
            "jobTitle": self.job_title,
            "mail": self.mail,
            "mobilePhone": None,
            "officeLocation": self.office,
            "preferredLanguage": self.locale,
            "surname": self.surname,
            "userPrincipalName": self.upn,
            "id": self.id,
        }

    def graph_full(self) -> dict[str, Any]:
        out = self.graph()
        out.update({"department": "Sales" if self.locale.startswith("en") else "Ventes", "accountEnabled": True, "usageLocation": self.locale[-2:]})
        return out


@dataclass(slots=True)
class Mailbox:
    """One person's Outlook data: events, To Do, mail, contacts, files."""

    owner: str
    events: dict[str, dict[str, Any]] = field(default_factory=dict)
    transactions: dict[str, str] = field(default_factory=dict)
    todo_lists: dict[str, dict[str, Any]] = field(default_factory=dict)
    todo_tasks: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict)
    messages: dict[str, dict[str, Any]] = field(default_factory=dict)
    contacts: dict[str, dict[str, Any]] = field(default_factory=dict)
    recent_files: list[dict[str, Any]] = field(default_factory=list)
    shared_files: list[dict[str, Any]] = field(default_factory=list)
    #: mailboxSettings parts PATCHed by the user (automaticRepliesSetting, workingHours, timeZone, ...).
    settings: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Tenant:
    """Everything the sandbox serves."""

    tenant_id: str
    domain: str
    people: list[Person]
    mailboxes: dict[str, Mailbox]
    rng: random.Random
    groups: dict[str, dict[str, Any]] = field(default_factory=dict)
    plans: dict[str, dict[str, Any]] = field(default_factory=dict)
    buckets: dict[str, dict[str, Any]] = field(default_factory=dict)
    planner_tasks: dict[str, dict[str, Any]] = field(default_factory=dict)
    sites: dict[str, dict[str, Any]] = field(default_factory=dict)
    lists: dict[str, dict[str, Any]] = field(default_factory=dict)
    list_items: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict)

    def person(self, key: str) -> Person | None:
        """A person by id, userPrincipalName or mail (case-insensitive)."""
        wanted = key.strip().casefold()
        for person in self.people:
            if wanted in (person.id.casefold(), person.upn.casefold(), person.mail.casefold()):
                return person
        return None

    def mailbox(self, oid: str) -> Mailbox:
        box = self.mailboxes.get(oid)
        if box is None:
            box = self.mailboxes[oid] = Mailbox(owner=oid)
        return box

    def new_id(self, prefix: str = "AAMkAG") -> str:
        return outlook_id(self.rng, prefix)


def outlook_id(rng: random.Random, prefix: str = "AAMkAG") -> str:
    """A URL-safe base64 id with `=` padding, like Outlook's."""
    raw = bytes(rng.getrandbits(8) for _ in range(40))
    return prefix + base64.urlsafe_b64encode(raw).decode("ascii")


def etag(rng: random.Random) -> tuple[str, str]:
    """(changeKey, @odata.etag) values."""
    key = base64.b64encode(bytes(rng.getrandbits(8) for _ in range(16))).decode("ascii")
    return key, f'W/"{key}"'
