"""The demo tenant, built deterministically from a seed date: people and a week of calendars."""

from __future__ import annotations

import random
import uuid
from datetime import date, datetime, time, timedelta
from typing import Any

from ..timezones import zone
from .events import attendee, make_event
from .model import Mailbox, Person, Tenant

__all__ = ["build_tenant"]

_PEOPLE: list[tuple[str, str, str, str, str, str, str, str, str]] = [
    # upn local part, display name, given, surname, job, office, locale, mailbox zone, work start
    ("adelev", "Adele Vance", "Adele", "Vance", "Retail Manager", "18/2111", "en-US", "Europe/Paris", "09:00"),
    ("camilled", "Camille Dubois", "Camille", "Dubois", "Cheffe de projet", "Paris 4/12", "fr-FR", "Romance Standard Time", "08:30"),
    ("meganb", "Megan Bowen", "Megan", "Bowen", "Marketing Manager", "12/1110", "en-US", "Pacific Standard Time", "08:00"),
    ("liamo", "Liam O'Brien", "Liam", "O'Brien", "Sales Lead", "Dublin 2/3", "en-IE", "GMT Standard Time", "09:00"),
    ("elisem", "Élise Tremblay", "Élise", "Tremblay", "Analyste", "Montréal 7/21", "fr-CA", "Eastern Standard Time", "09:00"),
    ("priyar", "Priya Raman", "Priya", "Raman", "Engineer", "Bengaluru 3/4", "en-IN", "India Standard Time", "10:00"),
    ("davidl", "李四(David Li)", "David", "Li", "Product Owner", "Tokyo 5/1", "en-US", "Tokyo Standard Time", "09:00"),
]


def _guid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def build_tenant(seed_date: date, *, now: datetime | None = None) -> Tenant:
    """A fresh tenant; the same seed date (and `now`) always gives the same tenant.

    With `now`, each person's demo week is built around their own today in their mailbox's zone (at
    23:10 UTC on 31 December it is already 1 January in Paris); without it, around `seed_date` for all.
    """
    rng = random.Random(seed_date.toordinal())
    # People and the tenant keep their ids whatever the date (as in a real tenant): a test or a demo that moves
    # the clock to another day still signs in the same users; the content is drawn from the date's generator.
    ids = random.Random("contoso")
    domain = "contoso.onmicrosoft.com"
    people: list[Person] = []
    for local, name, given, surname, job, office, locale, tz, start in _PEOPLE:
        end_hour = int(start[:2]) + 8
        people.append(
            Person(
                id=_guid(ids),
                upn=f"{local}@{domain}",
                display_name=name,
                given_name=given,
                surname=surname,
                job_title=job,
                office=office,
                locale=locale,
                time_zone=tz,
                work_start=f"{start}:00.0000000",
                work_end=f"{end_hour:02d}{start[2:]}:00.0000000",
                phone=f"+1 425 555 01{len(people):02d}",
            )
        )
    tenant = Tenant(
        tenant_id=_guid(ids),
        domain=domain,
        people=people,
        mailboxes={p.id: Mailbox(owner=p.id) for p in people},
        rng=rng,
    )
    days = {p.id: now.astimezone(zone(p.time_zone)).date() if now is not None else seed_date for p in people}
    for index, person in enumerate(people):
        _seed_calendar(tenant, person, days[person.id], index)
    from .content import seed_content

    seed_content(tenant, seed_date, days)
    return tenant


def _at(day: date, hhmm: str, tz_name: str) -> datetime:
    hour, minute = (int(x) for x in hhmm.split(":"))
    return datetime.combine(day, time(hour, minute), tzinfo=zone(tz_name))


def _seed_calendar(tenant: Tenant, me: Person, today: date, index: int) -> None:
    people = tenant.people
    other = people[(index + 1) % len(people)]
    third = people[(index + 2) % len(people)]
    french = me.locale.startswith("fr")
    tz = me.time_zone
    box = tenant.mailbox(me.id)
    created = _at(today - timedelta(days=20), "09:00", tz)

    def add(event: dict[str, Any]) -> None:
        box.events[event["id"]] = event

    # A weekday stand-up series organised by me, a Teams meeting.
    monday = today - timedelta(days=today.weekday() + 14)
    add(
        make_event(
            tenant,
            owner=me,
            subject="Point quotidien" if french else "Daily stand-up",
            start=_at(monday, "09:30", tz),
            end=_at(monday, "09:45", tz),
            tz_name=tz,
            attendees=[attendee(other), attendee(third)],
            online=True,
            recurrence={
                "pattern": {"type": "weekly", "interval": 1, "daysOfWeek": ["monday", "tuesday", "wednesday", "thursday", "friday"], "firstDayOfWeek": "sunday", "index": "first", "month": 0, "dayOfMonth": 0},
                "range": {"type": "noEnd", "startDate": monday.isoformat(), "endDate": "0001-01-01", "recurrenceTimeZone": tz, "numberOfOccurrences": 0},
            },
            body="Tour de table" if french else "What did you do, what will you do, blockers",
            now=created,
        )
    )
    # Always two meetings or more on the seed date: one pending invitation, one I organise, one conflict.
    add(
        make_event(
            tenant,
            owner=me,
            organizer=other,
            subject="Revue du projet Contoso" if french else "Contoso project review",
            start=_at(today, "10:00", tz),
            end=_at(today, "11:00", tz),
            tz_name=tz,
            attendees=[attendee(me), attendee(third, "accepted")],
            online=True,
            response="notResponded",
            body="Ordre du jour : jalons, risques" if french else "Agenda: milestones, risks",
            now=created,
        )
    )
    add(
        make_event(
            tenant,
            owner=me,
            subject="Budget Q3" if french else "Q3 budget check-in",
            start=_at(today, "10:30", tz),
            end=_at(today, "11:30", tz),
            tz_name=tz,
            attendees=[attendee(third, "accepted")],
            location="Salle Lumière" if french else "Conference Room Rainier",
            now=created,
        )
    )
    add(
        make_event(
            tenant,
            owner=me,
            organizer=third,
            subject="Déjeuner d'équipe" if french else "Team lunch",
            start=_at(today, "12:30", tz),
            end=_at(today, "13:30", tz),
            tz_name=tz,
            attendees=[attendee(me, "accepted"), attendee(other, "accepted")],
            response="accepted",
            location="Harry's Bar",
            now=created,
        )
    )
    add(
        make_event(
            tenant,
            owner=me,
            subject="Entretien individuel" if french else "1:1 with " + other.given_name,
            start=_at(today, "16:00", tz),
            end=_at(today, "16:30", tz),
            tz_name=tz,
            attendees=[attendee(other, "tentativelyAccepted")],
            online=True,
            now=created,
        )
    )
    # The rest of the week: one meeting a day, a pending invitation, an all-day event, a late call.
    for offset in (-3, -2, -1, 1, 2, 3):
        day = today + timedelta(days=offset)
        pending = offset in (1, 2)
        add(
            make_event(
                tenant,
                owner=me,
                organizer=other if pending else me,
                subject=(f"Atelier {offset + 4}" if french else f"Workshop {offset + 4}"),
                start=_at(day, "14:00", tz),
                end=_at(day, "15:00", tz),
                tz_name=tz,
                attendees=[attendee(me) if pending else attendee(other), attendee(third)],
                online=offset % 2 == 0,
                response="none" if pending else None,
                now=created,
            )
        )
    holiday = today + timedelta(days=2)
    add(
        make_event(
            tenant,
            owner=me,
            subject="Formation" if french else "Training day",
            start=_at(holiday, "00:00", tz),
            end=_at(holiday + timedelta(days=1), "00:00", tz),
            tz_name=tz,
            is_all_day=True,
            show_as="oof",
            now=created,
        )
    )
    add(
        make_event(
            tenant,
            owner=me,
            organizer=people[2] if me.id != people[2].id else people[0],
            subject="Appel avec Seattle" if french else "Call with the West Coast",
            start=_at(today + timedelta(days=1), "17:30", tz),
            end=_at(today + timedelta(days=1), "18:00", tz),
            tz_name=tz,
            attendees=[attendee(me, "tentativelyAccepted")],
            online=True,
            response="tentativelyAccepted",
            now=created,
        )
    )
