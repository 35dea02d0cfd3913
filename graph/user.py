"""The per-turn facade: one user's token bound to the shared client, with one service per resource."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .calendar import CalendarService
from .contacts import ContactsService
from .digest import DigestService
from .files import FilesService
from .lists import ListsService
from .mail import MailService
from .mailbox import MailboxService
from .people import PeopleService
from .planner import PlannerService
from .session import Session
from .subscriptions import SubscriptionService
from .todo import TodoService

if TYPE_CHECKING:
    from .client import GraphClient

__all__ = ["UserGraph"]


class UserGraph:
    """What a dialog uses during one turn: ``graph.calendar.view(...)``, ``graph.todo.create(...)``..."""

    def __init__(self, *, client: GraphClient, token: str, time_zone: str | None = None) -> None:
        session = Session(client=client, token=token)
        self.session = session
        self.mailbox = MailboxService(session=session, time_zone=time_zone)
        self.calendar = CalendarService(session=session, mailbox=self.mailbox)
        self.todo = TodoService(session=session, mailbox=self.mailbox)
        self.planner = PlannerService(session=session)
        self.mail = MailService(session=session)
        self.contacts = ContactsService(session=session)
        self.people = PeopleService(session=session)
        self.files = FilesService(session=session)
        self.lists = ListsService(session=session)
        self.digest = DigestService(session=session, mailbox=self.mailbox)
        self.subscriptions = SubscriptionService(session=session)

    def __repr__(self) -> str:
        return "UserGraph(token=<hidden>)"

    async def me(self) -> dict[str, Any]:
        """The signed-in user's id, display name, mail, UPN and preferred language."""
        response = await self.session.get(
            "/me", {"$select": "id,displayName,mail,userPrincipalName,preferredLanguage"}
        )
        return response.json()
