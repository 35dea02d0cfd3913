"""People: resolve a spoken name to a ranked list of people from the directory, contacts and /me/people."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from . import odata
from ._json import arr
from .batch import BatchRequest
from .contacts import name_filter
from .models import DirectoryUser, Person
from .session import Session

__all__ = ["PeopleService", "rank"]

_SOURCE_WEIGHT = {"people": 0.3, "contact": 0.2, "directory": 0.1}


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().strip()


def _score(query: str, name: str, email: str | None) -> float:
    q, n = _fold(query), _fold(name)
    if not q or not n:
        return 0.0
    if q == n:
        return 1.0
    tokens = n.replace("(", " ").replace(")", " ").split()
    q_tokens = q.split()
    if all(any(t.startswith(qt) for t in tokens) for qt in q_tokens):
        return 0.8 if any(t == q_tokens[0] for t in tokens) else 0.6
    if email and _fold(email).startswith(q.replace(" ", "")):
        return 0.5
    return 0.2 if q in n else 0.0


def rank(query: str, candidates: list[Person]) -> list[Person]:
    """Merge candidates by e-mail (keeping the best), score them and sort best first."""
    best: dict[str, Person] = {}
    for person in candidates:
        score = _score(query, person.display_name, person.email) + _SOURCE_WEIGHT.get(person.source, 0.0)
        if score <= _SOURCE_WEIGHT.get(person.source, 0.0):
            continue
        key = (person.email or person.display_name).casefold()
        scored = Person(
            display_name=person.display_name,
            email=person.email,
            id=person.id,
            source=person.source,
            score=round(score, 3),
            job_title=person.job_title,
        )
        if key not in best or best[key].score < scored.score:
            best[key] = scored
    return sorted(best.values(), key=lambda p: (-p.score, p.display_name.casefold()))


def _directory(item: dict[str, Any]) -> Person:
    return Person(
        display_name=str(item.get("displayName") or ""),
        email=item.get("mail") or item.get("userPrincipalName"),
        id=item.get("id"),
        source="directory",
        job_title=item.get("jobTitle"),
    )


def _contact(item: dict[str, Any]) -> Person:
    emails = arr(item.get("emailAddresses"))
    first = next((e.get("address") for e in emails if isinstance(e, dict) and e.get("address")), None)
    return Person(display_name=str(item.get("displayName") or ""), email=first, id=None, source="contact")


def _people(item: dict[str, Any]) -> Person:
    emails = arr(item.get("scoredEmailAddresses"))
    first = next((e.get("address") for e in emails if isinstance(e, dict) and e.get("address")), None)
    return Person(
        display_name=str(item.get("displayName") or ""),
        email=first or item.get("userPrincipalName"),
        id=item.get("id"),
        source="people",
        job_title=item.get("jobTitle"),
    )


USER_SELECT = "id,displayName,mail,userPrincipalName,jobTitle,department,businessPhones,mobilePhone"


def parse_directory_user(item: dict[str, Any]) -> DirectoryUser:
    phones = [*(item.get("businessPhones") or []), *([item["mobilePhone"]] if item.get("mobilePhone") else [])]
    return DirectoryUser(
        id=str(item.get("id") or ""),
        display_name=str(item.get("displayName") or ""),
        email=item.get("mail") or item.get("userPrincipalName"),
        phones=tuple(str(p) for p in phones if p),
        job_title=item.get("jobTitle"),
        department=item.get("department"),
    )


class PeopleService:
    def __init__(self, *, session: Session) -> None:
        self._session = session

    async def find_users(self, query: str, *, limit: int = 10) -> list[DirectoryUser]:
        """Directory users whose name (or mail) starts with `query`, or whose address is `query`."""
        text = " ".join(query.split())
        if "@" in text:
            user_filter = odata.or_(odata.eq("mail", text), odata.eq("userPrincipalName", text))
        else:
            user_filter = odata.or_(
                odata.startswith("displayName", text), odata.startswith("givenName", text),
                odata.startswith("surname", text), odata.startswith("mail", text),
            )
        response = await self._session.get("/users", {"$filter": user_filter, "$select": USER_SELECT, "$top": limit})
        return [parse_directory_user(i) for i in response.values()]

    async def search_users(self, query: str, *, limit: int = 10) -> list[DirectoryUser]:
        """Directory users whose name has a word starting with each word of `query`, in any order: "David Li"
        finds "李四(David Li)" where `find_users`' startswith needs the name's first characters (the directory's
        tokenized `$search`, reference §3.4). A single word or an address adds nothing to `find_users`: []."""
        words = re.findall(r"[^\W_]+", query) if "@" not in query else []
        if len(words) < 2:
            return []
        search = " AND ".join(f'"displayName:{w}"' for w in words[:6])
        response = await self._session.get("/users", {"$search": search, "$select": USER_SELECT, "$top": limit},
                                           headers={"ConsistencyLevel": "eventual"})
        return [parse_directory_user(i) for i in response.values()]

    async def resolve(self, name: str, *, limit: int = 5) -> list[Person]:
        """People matching ``name``, best first, in one `$batch`; more than one means ask the user."""
        text = " ".join(name.split())
        if not text:
            return []
        directory_filter = odata.or_(
            odata.startswith("displayName", text),
            odata.startswith("givenName", text),
            odata.startswith("surname", text),
            odata.startswith("mail", text),
        )
        requests = [
            BatchRequest.get(
                "directory",
                "/users",
                {"$filter": directory_filter, "$select": "id,displayName,mail,userPrincipalName,jobTitle", "$top": 10},
            ),
            BatchRequest.get(
                "contacts",
                "/me/contacts",
                {"$filter": name_filter(text), "$select": "id,displayName,emailAddresses", "$top": 10},
            ),
            BatchRequest.get("people", "/me/people", {"$search": odata.search_phrase(text), "$top": 10}),
        ]
        results = await self._session.batch(requests)
        candidates: list[Person] = []
        parsers = {"directory": _directory, "contacts": _contact, "people": _people}
        failures = 0
        for key, parse in parsers.items():
            answer = results[key]
            if not answer.ok:
                failures += 1
                continue
            candidates.extend(parse(i) for i in answer.values())
        if failures == len(parsers):
            results["directory"].raise_for_status()
        return rank(text, candidates)[:limit]
