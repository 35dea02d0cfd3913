"""Typed, immutable models of the Graph resources MIPA uses; every datetime is timezone-aware."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any

__all__ = [
    "DirectoryUser",
    "Attendee",
    "Contact",
    "Digest",
    "DriveItem",
    "Event",
    "LinkedResource",
    "ListColumn",
    "ListItem",
    "AutomaticReplies",
    "MailboxSettings",
    "Message",
    "Person",
    "PlannerBucket",
    "PlannerPlan",
    "PlannerTask",
    "Recurrence",
    "Site",
    "SiteList",
    "TimeSlot",
    "TodoList",
    "TodoTask",
    "WorkingHours",
]


@dataclass(frozen=True, slots=True)
class Person:
    """Someone a spoken name resolved to; ``source`` is directory, contact or people."""

    display_name: str
    email: str | None
    id: str | None = None
    source: str = "directory"
    score: float = 0.0
    job_title: str | None = None


@dataclass(frozen=True, slots=True)
class DirectoryUser:
    """A user of the organisation's directory, as a people search shows them."""

    id: str
    display_name: str
    email: str | None
    phones: tuple[str, ...] = ()
    job_title: str | None = None
    department: str | None = None


@dataclass(frozen=True, slots=True)
class Attendee:
    name: str
    email: str | None
    type: str = "required"
    response: str = "none"


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    subject: str
    start: datetime
    end: datetime
    is_all_day: bool = False
    location: str | None = None
    organizer: Attendee | None = None
    attendees: tuple[Attendee, ...] = ()
    is_online_meeting: bool = False
    join_url: str | None = None
    web_link: str | None = None
    my_response: str = "none"
    is_organizer: bool = False
    type: str = "singleInstance"
    series_master_id: str | None = None
    show_as: str = "busy"
    is_cancelled: bool = False
    transaction_id: str | None = None


@dataclass(frozen=True, slots=True)
class WorkingHours:
    days: tuple[str, ...] = ("monday", "tuesday", "wednesday", "thursday", "friday")
    start: time = time(8, 0)
    end: time = time(17, 0)
    time_zone: str = "UTC"
    """IANA name."""


@dataclass(frozen=True, slots=True)
class AutomaticReplies:
    """Out of office (Graph's automaticRepliesSetting); `start`/`end` are aware and matter when scheduled."""

    status: str = "disabled"
    """disabled, alwaysEnabled or scheduled."""
    external_audience: str = "all"
    """none, contactsOnly or all."""
    internal_message: str = ""
    external_message: str = ""
    start: datetime | None = None
    end: datetime | None = None

    @property
    def is_on(self) -> bool:
        return self.status != "disabled"


@dataclass(frozen=True, slots=True)
class MailboxSettings:
    time_zone: str = "UTC"
    """IANA name (Windows names such as "Romance Standard Time" are mapped)."""
    graph_time_zone: str = "UTC"
    """The name Graph stores, echoed in ``Prefer: outlook.timezone`` (UTC when unusable)."""
    working_hours: WorkingHours = field(default_factory=WorkingHours)
    language: str | None = None
    automatic_replies: AutomaticReplies = field(default_factory=AutomaticReplies)


@dataclass(frozen=True, slots=True)
class TimeSlot:
    start: datetime
    end: datetime

    @property
    def minutes(self) -> int:
        return int((self.end - self.start).total_seconds() // 60)


@dataclass(frozen=True, slots=True)
class TodoList:
    id: str
    name: str
    is_default: bool = False
    wellknown: str = "none"


@dataclass(frozen=True, slots=True)
class LinkedResource:
    web_url: str | None
    application_name: str | None = None
    display_name: str | None = None
    external_id: str | None = None


@dataclass(frozen=True, slots=True)
class Recurrence:
    """Graph's patternedRecurrence, as MIPA writes it: a pattern and a range (start day, optional end day)."""

    kind: str
    """daily, weekly, absoluteMonthly, relativeMonthly, absoluteYearly or relativeYearly."""
    interval: int = 1
    days_of_week: tuple[str, ...] = ()
    day_of_month: int = 0
    month: int = 0
    index: str = "first"
    start: date | None = None
    end: date | None = None


@dataclass(frozen=True, slots=True)
class TodoTask:
    id: str
    list_id: str
    title: str
    status: str = "notStarted"
    importance: str = "normal"
    due: date | None = None
    """The due date (To Do keeps dates only), in the user's zone."""
    reminder: datetime | None = None
    linked_resources: tuple[LinkedResource, ...] = ()
    web_link: str | None = None
    recurrence: Recurrence | None = None

    @property
    def is_completed(self) -> bool:
        return self.status == "completed"


@dataclass(frozen=True, slots=True)
class PlannerPlan:
    id: str
    title: str
    group_id: str | None = None


@dataclass(frozen=True, slots=True)
class PlannerBucket:
    id: str
    name: str
    plan_id: str
    order_hint: str | None = None


@dataclass(frozen=True, slots=True)
class PlannerTask:
    id: str
    title: str
    plan_id: str
    bucket_id: str | None = None
    plan_name: str | None = None
    bucket_name: str | None = None
    percent_complete: int = 0
    due: datetime | None = None
    assignee_ids: tuple[str, ...] = ()
    priority: int = 5
    etag: str | None = None

    @property
    def is_completed(self) -> bool:
        return self.percent_complete >= 100


@dataclass(frozen=True, slots=True)
class Message:
    id: str
    subject: str
    sender_name: str | None
    sender_email: str | None
    received: datetime | None
    is_read: bool = False
    flag_status: str = "notFlagged"
    flag_due: datetime | None = None
    web_link: str | None = None


@dataclass(frozen=True, slots=True)
class Contact:
    id: str
    display_name: str
    emails: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()
    company: str | None = None
    job_title: str | None = None


@dataclass(frozen=True, slots=True)
class DriveItem:
    id: str
    name: str
    web_url: str | None = None
    last_modified: datetime | None = None
    size: int | None = None
    mime_type: str | None = None
    drive_id: str | None = None
    is_folder: bool = False
    shared_by: str | None = None


@dataclass(frozen=True, slots=True)
class Site:
    id: str
    name: str
    web_url: str | None = None


@dataclass(frozen=True, slots=True)
class SiteList:
    id: str
    name: str
    display_name: str
    site_id: str
    web_url: str | None = None


@dataclass(frozen=True, slots=True)
class ListColumn:
    name: str
    display_name: str
    type: str = "text"
    """text, number, boolean, dateTime, choice, currency, personOrGroup, lookup, other."""
    required: bool = False
    read_only: bool = False
    choices: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ListItem:
    id: str
    fields: dict[str, Any]
    web_url: str | None = None
    etag: str | None = None


@dataclass(frozen=True, slots=True)
class Digest:
    """ "My day": today's meetings, due and overdue To Do tasks, active Planner tasks, flagged mail."""

    day: date
    time_zone: str
    meetings: tuple[Event, ...] = ()
    todo_due: tuple[TodoTask, ...] = ()
    todo_overdue: tuple[TodoTask, ...] = ()
    planner: tuple[PlannerTask, ...] = ()
    flagged: tuple[Message, ...] = ()
    partial: tuple[str, ...] = ()
    """Sections that could not be read (throttled, forbidden...), so the card can say so."""
