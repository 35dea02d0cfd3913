"""Realistic sample models (stand-ins shaped like `graph.models`) and every card built from them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import cards
from cards.base import Card

TZ = ZoneInfo("Europe/Paris")
NOW = datetime(2026, 3, 3, 10, 15, tzinfo=TZ)
TODAY = NOW.date()

HOSTILE = 'Fix "quotes" **bold** _it_ [link](https://evil.example/x) <b>html</b> <script>x</script> {{DATE(2026-01-01T00:00:00Z, SHORT)}} 🎉'
RTL = "اجتماع الفريق الأسبوعي"
# Substrings that would mean markdown, HTML or a link was interpreted if seen unescaped in markdown text.
HOSTILE_MARKERS = ("**bold**", "[link](", "<b>", "<script>", "{{DATE(", "https://evil")


@dataclass(frozen=True, slots=True)
class EmailAddress:
    name: str
    address: str


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    subject: str
    start: datetime
    end: datetime
    location: str | None = None
    organizer: EmailAddress | None = None
    attendees: tuple[EmailAddress, ...] = ()
    is_all_day: bool = False
    is_cancelled: bool = False
    show_as: str = "busy"
    join_url: str | None = None
    web_link: str | None = None
    response_status: str | None = None


@dataclass(frozen=True, slots=True)
class TodoTask:
    id: str
    list_id: str
    title: str
    status: str = "notStarted"
    due: date | None = None
    importance: str = "normal"


@dataclass(frozen=True, slots=True)
class PlannerTask:
    id: str
    plan_id: str
    title: str
    plan_title: str
    bucket_name: str | None = None
    percent_complete: int = 0
    due: datetime | None = None


@dataclass(frozen=True, slots=True)
class Message:
    id: str
    subject: str
    sender: EmailAddress
    flag_due: datetime | None = None
    web_link: str | None = None


@dataclass(frozen=True, slots=True)
class Contact:
    id: str
    display_name: str
    email: str | None = None
    job_title: str | None = None
    phone: str | None = None


@dataclass(frozen=True, slots=True)
class DriveItem:
    id: str
    name: str
    web_url: str
    last_modified: datetime | None = None


@dataclass(frozen=True, slots=True)
class ListItem:
    id: str
    web_url: str
    fields: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class TimeSlot:
    start: datetime
    end: datetime


def at(hour: int, minute: int = 0, days: int = 0) -> datetime:
    return (NOW.replace(hour=hour, minute=minute) + timedelta(days=days)).astimezone(ZoneInfo("UTC"))


ALICE = EmailAddress("Alice Martin", "alice@contoso.example")
BOB = EmailAddress("Bob <b>Tables</b>", "bob@contoso.example")

EVENTS = [
    Event(id="AAMkAD-ev1", subject="Daily stand-up", start=at(9, 30), end=at(10, 30), location="Teams",
          organizer=ALICE, attendees=(ALICE, BOB), join_url="https://teams.microsoft.com/l/meetup-join/abc"),
    Event(id="AAMkAD-ev2", subject=HOSTILE, start=at(11), end=at(12), location="Room **42** [b](https://x.example)",
          organizer=BOB, attendees=(ALICE,), response_status="notResponded",
          web_link="https://outlook.office.com/calendar/item/AAMkAD-ev2"),
    Event(id="AAMkAD-ev3", subject=RTL, start=at(11, 30), end=at(12, 30), attendees=(BOB,)),
    Event(id="AAMkAD-ev4", subject="Déjeuner d'équipe 🍽️", start=at(13), end=at(14), is_cancelled=True),
    Event(id="AAMkAD-ev5", subject="Offsite", start=at(0), end=at(0, days=1), is_all_day=True, show_as="free"),
]
TODOS = [
    TodoTask(id="AAMkAD-t1", list_id="AQMkAD-l1", title=HOSTILE, due=TODAY - timedelta(days=2), importance="high"),
    TodoTask(id="AAMkAD-t2", list_id="AQMkAD-l1", title="Envoyer le rapport 📊", due=TODAY),
    TodoTask(id="AAMkAD-t3", list_id="AQMkAD-l1", title=RTL, due=TODAY + timedelta(days=3)),
    TodoTask(id="AAMkAD-t4", list_id="AQMkAD-l1", title="Done thing", status="completed", due=TODAY - timedelta(days=1)),
]
PLANNER = [
    PlannerTask(id="pt1", plan_id="plan-A", title=HOSTILE, plan_title="Q4 <i>launch</i>", bucket_name="Doing",
                percent_complete=50, due=at(17)),
    PlannerTask(id="pt2", plan_id="plan-A", title="Write release notes", plan_title="Q4 <i>launch</i>",
                bucket_name="To do", due=at(17, days=-3)),
    PlannerTask(id="pt3", plan_id="plan-B", title=RTL, plan_title="Marketing 📣", bucket_name="Backlog"),
    PlannerTask(id="pt4", plan_id="plan-B", title="Old", plan_title="Marketing 📣", percent_complete=100),
]
MAIL = [
    Message(id="AAMkAD-m1", subject=HOSTILE, sender=BOB, flag_due=at(18),
            web_link="https://outlook.office.com/mail/id/AAMkAD-m1"),
    Message(id="AAMkAD-m2", subject=RTL, sender=ALICE, flag_due=at(9, days=-2)),
    Message(id="AAMkAD-m3", subject="Facture n° 42 — à valider ✅", sender=ALICE),
]
PEOPLE = [Contact(id="c1", display_name="Alice Martin", email="alice@contoso.example", job_title="CTO",
                  phone="+33 1 23 45 67 89"),
          Contact(id="c2", display_name=HOSTILE, email="bob@contoso.example"),
          Contact(id="c3", display_name=RTL)]
FILES = [DriveItem(id="f1", name="Budget 2026 **final**.xlsx", web_url="https://contoso.sharepoint.com/f1",
                   last_modified=at(8)),
         DriveItem(id="f2", name=HOSTILE + ".docx", web_url="https://contoso.sharepoint.com/f2")]
LIST_ITEMS = [ListItem(id="1", web_url="https://contoso.sharepoint.com/lists/1",
                       fields={"Title": HOSTILE, "Status": "[Open](https://x.example)", "Count": 3, "@odata.etag": "x"}),
              ListItem(id="2", web_url="https://contoso.sharepoint.com/lists/2", fields={"Title": RTL, "Status": "Fermé"})]
SLOTS = [TimeSlot(at(14), at(15, 30)), TimeSlot(at(9, days=1), at(10, days=1))]

OUTLOOK_BUDGET = 28 * 1024
TEAMS_BUDGET = 80 * 1024
ORIGINATOR = "6d7a2f3e-5b1c-4f7e-9a0d-2c3b4e5f6a7b"


def builders() -> dict[str, Callable[[str], Card]]:
    """Every card the bot can send, by name, as a function of the locale."""
    return {
        "agenda": lambda loc: cards.agenda_card(EVENTS, locale=loc, tz=TZ, now=NOW, day=NOW,
                                                more_ref="q1", more_cursor="page2"),
        "agenda_range": lambda loc: cards.agenda_card(EVENTS[:2], locale=loc, tz=TZ, now=NOW, day=NOW,
                                                      end_day=NOW + timedelta(days=6)),
        "agenda_empty": lambda loc: cards.agenda_card([], locale=loc, tz=TZ, now=NOW),
        "meeting": lambda loc: cards.meeting_card(EVENTS[1], locale=loc, tz=TZ, now=NOW),
        "meeting_join": lambda loc: cards.meeting_card(EVENTS[0], locale=loc, tz=TZ, now=NOW),
        "confirmation": lambda loc: cards.confirmation_card(
            "todo.add", [("title", HOSTILE), ("list", RTL), ("due", "3/5/2026"), ("importance", "high")],
            ref="pending-1", locale=loc),
        "result": lambda loc: cards.result_card("todo.add", [("title", HOSTILE)], locale=loc, undo_ref="undo-1"),
        "result_already": lambda loc: cards.result_card("todo.complete", [("title", HOSTILE)], locale=loc,
                                                        already=True),
        "choice": lambda loc: cards.choice_card("person", ["Alice Martin", HOSTILE, RTL], ref="ask-1", locale=loc),
        "todo": lambda loc: cards.todo_card(TODOS, locale=loc, tz=TZ, today=TODAY, list_name="Courses **vite**"),
        "planner": lambda loc: cards.planner_card(PLANNER, locale=loc, tz=TZ, today=TODAY),
        "flagged_mail": lambda loc: cards.flagged_mail_card(MAIL, locale=loc, tz=TZ, today=TODAY),
        "people": lambda loc: cards.people_card(PEOPLE, locale=loc),
        "files": lambda loc: cards.files_card(FILES, locale=loc, tz=TZ),
        "list_items": lambda loc: cards.list_items_card(LIST_ITEMS, locale=loc, list_name="Suivi"),
        "free_slots": lambda loc: cards.free_slots_card(SLOTS, locale=loc, tz=TZ),
        "my_day": lambda loc: cards.my_day_card(events=EVENTS, todo_tasks=TODOS, planner_tasks=PLANNER, flagged=MAIL,
                                                locale=loc, tz=TZ, now=NOW, originator=ORIGINATOR,
                                                user_ids=["29:1abc"]),
        "my_day_empty": lambda loc: cards.my_day_card(events=[], todo_tasks=[], planner_tasks=[], flagged=[],
                                                      locale=loc, tz=TZ, now=NOW, originator=ORIGINATOR),
    }


def budget(card: Card) -> int:
    return OUTLOOK_BUDGET if card["version"] == cards.OUTLOOK_VERSION else TEAMS_BUDGET
