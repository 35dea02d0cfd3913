"""Realistic `graph.models` samples (hostile, right-to-left and emoji text) and every card built from them."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import cards
from cards.base import Card
from graph.models import (
    Attendee,
    AutomaticReplies,
    Contact,
    Digest,
    DriveItem,
    Event,
    ListItem,
    MailboxSettings,
    Message,
    PlannerTask,
    Recurrence,
    TimeSlot,
    TodoTask,
)
from language.formatting import format_clock_range, format_time_range

TZ = ZoneInfo("Europe/Paris")
NOW = datetime(2026, 3, 3, 10, 15, tzinfo=TZ)
TODAY = NOW.date()

HOSTILE = 'Fix "quotes" **bold** _it_ [link](https://evil.example/x) <b>html</b> <script>x</script> {{DATE(2026-01-01T00:00:00Z, SHORT)}} 🎉'
RTL = "اجتماع الفريق الأسبوعي"
# Substrings that would mean markdown, HTML or a link was interpreted if seen unescaped in markdown text.
HOSTILE_MARKERS = ("**bold**", "[link](", "<b>", "<script>", "{{DATE(", "https://evil")


def at(hour: int, minute: int = 0, days: int = 0) -> datetime:
    return (NOW.replace(hour=hour, minute=minute) + timedelta(days=days)).astimezone(ZoneInfo("UTC"))


ALICE = Attendee(name="Alice Martin", email="alice@contoso.example", response="accepted")
BOB = Attendee(name="Bob <b>Tables</b>", email="bob@contoso.example")

EVENTS = [
    Event(id="AAMkAD-ev1", subject="Daily stand-up", start=at(9, 30), end=at(10, 30), location="Teams",
          organizer=ALICE, attendees=(ALICE, BOB), join_url="https://teams.microsoft.com/l/meetup-join/abc"),
    Event(id="AAMkAD-ev2", subject=HOSTILE, start=at(11), end=at(12), location="Room **42** [b](https://x.example)",
          organizer=BOB, attendees=(ALICE,), my_response="notResponded",
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
    TodoTask(id="AAMkAD-t5", list_id="AQMkAD-l1", title="Pay the rent", due=TODAY + timedelta(days=5),
             recurrence=Recurrence("absoluteMonthly", day_of_month=1)),
    TodoTask(id="AAMkAD-t6", list_id="AQMkAD-l1", title="Sortir les poubelles", due=TODAY,
             recurrence=Recurrence("weekly", days_of_week=("tuesday", "friday"))),
]
SETTINGS = MailboxSettings(
    time_zone="Europe/Paris", graph_time_zone="Romance Standard Time",
    automatic_replies=AutomaticReplies("scheduled", "contactsOnly", f"<p>{HOSTILE}</p>", RTL, at(0, days=10), at(0, days=20)),
)
PLANNER = [
    PlannerTask(id="pt1", plan_id="plan-A", title=HOSTILE, plan_name="Q4 <i>launch</i>", bucket_name="Doing",
                percent_complete=50, due=at(17)),
    PlannerTask(id="pt2", plan_id="plan-A", title="Write release notes", plan_name="Q4 <i>launch</i>",
                bucket_name="To do", due=at(17, days=-3)),
    PlannerTask(id="pt3", plan_id="plan-B", title=RTL, plan_name="Marketing 📣", bucket_name="Backlog"),
    PlannerTask(id="pt4", plan_id="plan-B", title="Old", plan_name="Marketing 📣", percent_complete=100),
]
MAIL = [
    Message(id="AAMkAD-m1", subject=HOSTILE, sender_name=BOB.name, sender_email=BOB.email, received=None, flag_due=at(18),
            web_link="https://outlook.office.com/mail/id/AAMkAD-m1"),
    Message(id="AAMkAD-m2", subject=RTL, sender_name=ALICE.name, sender_email=ALICE.email, received=None, flag_due=at(9, days=-2)),
    Message(id="AAMkAD-m3", subject="Facture n° 42 — à valider ✅", sender_name=ALICE.name, sender_email=None, received=None),
]
PEOPLE = [Contact(id="c1", display_name="Alice Martin", emails=("alice@contoso.example",), job_title="CTO",
                  phones=("+33 1 23 45 67 89",)),
          Contact(id="c2", display_name=HOSTILE, emails=("bob@contoso.example",)),
          Contact(id="c3", display_name=RTL)]
FILES = [DriveItem(id="f1", name="Budget 2026 **final**.xlsx", web_url="https://contoso.sharepoint.com/f1",
                   last_modified=at(8)),
         DriveItem(id="f2", name=HOSTILE + ".docx", web_url="https://contoso.sharepoint.com/f2")]
LIST_ITEMS = [ListItem(id="1", web_url="https://contoso.sharepoint.com/lists/1",
                       fields={"Title": HOSTILE, "Status": "[Open](https://x.example)", "Count": 3, "@odata.etag": "x"}),
              ListItem(id="2", web_url="https://contoso.sharepoint.com/lists/2", fields={"Title": RTL, "Status": "Fermé"})]
SLOTS = [TimeSlot(at(14), at(15, 30)), TimeSlot(at(9, days=1), at(10, days=1))]

DIGEST = Digest(day=TODAY, time_zone="Europe/Paris", meetings=tuple(EVENTS[:3]), todo_due=(TODOS[1],),
                todo_overdue=(TODOS[0],), planner=tuple(PLANNER[:2]), flagged=tuple(MAIL[:2]), partial=("planner",))

OUTLOOK_BUDGET = 28 * 1024
TEAMS_BUDGET = 80 * 1024
ORIGINATOR = "6d7a2f3e-5b1c-4f7e-9a0d-2c3b4e5f6a7b"


def _at(hour: int, minute: int) -> datetime:
    return NOW.astimezone(TZ).replace(hour=hour, minute=minute, second=0, microsecond=0)


def _span(h1: int, m1: int, h2: int, m2: int, locale: str) -> str:
    return format_time_range(_at(h1, m1), _at(h2, m2), locale, TZ)


def _clock(h1: int, m1: int, h2: int, m2: int, locale: str) -> str:
    return format_clock_range(_at(h1, m1), _at(h2, m2), locale, TZ)


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
            "todo.add", [("title", HOSTILE), ("list", RTL), ("due", "3/5/2026"), ("importance", "high"),
             ("reminder", "3/5/2026 9:00"), ("old_when", "3/5/2026 9:00"), ("new_when", "3/6/2026 10:00")],
            ref="pending-1", locale=loc),
        "move_conflicts": lambda loc: cards.confirmation_card(
            "calendar.update", [("title", HOSTILE), ("old_when", _span(16, 0, 16, 30, loc)),
                                ("new_when", _span(17, 0, 17, 30, loc)), ("duration", "30 min"),
                                ("conflicts", f"Budget review ({_clock(17, 0, 18, 0, loc)}); "
                                              f"{RTL} ({_clock(17, 15, 17, 45, loc)})")],
            ref="pending-3", locale=loc),
        "decline_confirmation": lambda loc: cards.confirmation_card(
            "calendar.decline", [("title", "Roadmap review"), ("when", _span(10, 0, 11, 0, loc))],
            ref="pending-4", locale=loc),
        "result": lambda loc: cards.result_card("todo.add", [("title", HOSTILE), ("sender", BOB.name)], locale=loc,
                                               undo_ref="undo-1"),
        "autoreply_confirmation": lambda loc: cards.confirmation_card(
            "mailbox.autoreply.set", [("status", "Scheduled"), ("audience", "Everyone"), ("internal_message", HOSTILE),
                                      ("external_message", RTL)], ref="pending-2", locale=loc),
        "settings_result": lambda loc: cards.result_card(
            "mailbox.settings.update", [("days", "Monday to Thursday"), ("hours", "8:00 – 16:00"),
                                        ("time_zone", "America/Toronto")], locale=loc, undo_ref="undo-2"),
        "mailbox_settings": lambda loc: cards.settings_card(SETTINGS, locale=loc, tz=TZ),
        "mailbox_settings_off": lambda loc: cards.settings_card(MailboxSettings(), locale=loc, tz=TZ),
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
        "digest": lambda loc: cards.digest_card(DIGEST, locale=loc, now=NOW, originator=ORIGINATOR),
        "my_day_empty": lambda loc: cards.my_day_card(events=[], todo_tasks=[], planner_tasks=[], flagged=[],
                                                      locale=loc, tz=TZ, now=NOW, originator=ORIGINATOR),
    }


def budget(card: Card) -> int:
    return OUTLOOK_BUDGET if card["version"] == cards.OUTLOOK_VERSION else TEAMS_BUDGET
