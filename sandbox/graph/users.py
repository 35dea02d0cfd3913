"""Directory and profile: /me, /users, /users/{id}, /me/people."""

from __future__ import annotations

import re
from typing import Any

from ..errors import GraphError
from ..odata import ODataError, apply_orderby, parse_filter, parse_orderby
from ..tenant.model import Person
from .core import CONTEXT_BASE, Ctx, GraphResponse, Router, ok

__all__ = ["register"]

READ_ALL = ("User.ReadBasic.All", "User.Read.All", "Directory.Read.All")
SINGLE_ONLY = {"aboutMe", "birthday", "hireDate", "interests", "mySite", "pastProjects", "preferredName", "responsibilities", "schools", "skills", "mailboxSettings"}


def _person_json(ctx: Ctx, person: Person, context: str) -> dict[str, Any]:
    selected = [s.strip() for s in ctx.request.query.get("select", "").split(",") if s.strip()]
    full = person.graph_full()
    if not selected:
        return {"@odata.context": CONTEXT_BASE + context + "/$entity", **person.graph()}
    unknown = [s for s in selected if s not in full and s not in SINGLE_ONLY]
    if unknown:
        raise GraphError(400, "Request_BadRequest", f"Could not find a property named '{unknown[0]}' on type 'microsoft.graph.user'.")
    body: dict[str, Any] = {"@odata.context": f"{CONTEXT_BASE}{context}({','.join(selected)})/$entity"}
    body.update({s: full.get(s) for s in selected})
    return body


async def get_me(ctx: Ctx) -> GraphResponse:
    person = ctx.state.tenant.person(ctx.principal.oid)
    if person is None:
        raise GraphError(404, "Request_ResourceNotFound", f"Resource '{ctx.principal.oid}' does not exist or one of its queried reference-property objects are not present.")
    return ok(_person_json(ctx, person, "users"))


async def get_user(ctx: Ctx) -> GraphResponse:
    key = ctx.params["id"].strip("()'")
    person = ctx.state.tenant.person(key)
    if person is None:
        raise GraphError(404, "Request_ResourceNotFound", f"Resource '{key}' does not exist or one of its queried reference-property objects are not present.")
    return ok(_person_json(ctx, person, "users"))


def _search_match(person: Person, clause: str) -> bool:
    prop, _, term = clause.partition(":")
    if not term:
        prop, term = "displayName", prop
    value = person.graph_full().get(prop.strip())
    if not isinstance(value, str):
        return False
    term = term.strip().casefold()
    if prop.strip() in ("displayName", "description"):
        import re

        words = re.findall(r"[^\W_]+", re.sub(r"([a-z])([A-Z])", r"\1 \2", value))
        return any(w.casefold().startswith(term) for w in words)
    return value.casefold().startswith(term)


async def list_users(ctx: Ctx) -> GraphResponse:
    q = ctx.request.query
    eventual = (ctx.request.header("consistencylevel") or "").lower() == "eventual"
    advanced = eventual and q.get("count", "").lower() == "true"
    people = list(ctx.state.tenant.people)
    if "skip" in q:
        raise GraphError(400, "Request_BadRequest", "'$skip' is not supported by the service.")
    if "search" in q:
        if not eventual:
            raise GraphError(400, "Request_UnsupportedQuery", "Request with $search query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'")
        import re

        raw = q["search"].strip()
        clauses = re.findall(r'"([^"]*)"', raw)
        if not clauses:
            raise GraphError(400, "Request_UnsupportedQuery", "Syntax error: character '" + raw[:1] + "' is not valid at position 0 in '" + raw + "'.")
        use_and = " AND " in raw
        people = [p for p in people if (all if use_and else any)(_search_match(p, c) for c in clauses)]
    try:
        if q.get("filter"):
            predicate, ops = parse_filter(q["filter"])
            if "contains" in ops:
                raise GraphError(400, "Request_UnsupportedQuery", "Unsupported property filter clause operator 'Contains'.")
            for op, name in (("ne", "NotEqualsMatch"), ("not", "Not"), ("endswith", "endsWith")):
                if op in ops and not advanced:
                    raise GraphError(400, "Request_UnsupportedQuery", f"Operator '{name}' is not supported because the required parameters might be missing. Try adding $count=true query parameter and ConsistencyLevel:eventual header. Refer to https://aka.ms/graph-docs/advanced-queries for more information")
            people = [p for p in people if predicate(p.graph_full())]
        items = [p.graph_full() for p in people]
        if q.get("orderby"):
            if q.get("filter") and not advanced:
                raise GraphError(400, "Request_UnsupportedQuery", "Sorting not supported for current query.")
            items = apply_orderby(items, parse_orderby(q["orderby"]))
    except ODataError as exc:
        raise GraphError(400, "BadRequest", exc.message) from exc
    top = 100
    if "top" in q:
        try:
            top = int(q["top"])
        except ValueError:
            top = 0
        if not 1 <= top <= 999:
            raise GraphError(400, "Request_UnsupportedQuery", f"Invalid page size specified: '{q['top']}'. Must be between 1 and 999 inclusive.")
    offset = 0
    if q.get("skiptoken"):
        try:
            offset = int(q["skiptoken"].removeprefix("X'").rstrip("'"), 16)
        except ValueError as exc:
            raise GraphError(400, "Request_BadRequest", "Invalid $skiptoken.") from exc
    selected = [s.strip() for s in q.get("select", "").split(",") if s.strip()]
    for s in selected:
        if s in SINGLE_ONLY:
            raise GraphError(501, "NotImplemented", f"This operation target is not yet supported: property '{s}' in a collection.")
    default_keys = list(Person.graph(ctx.state.tenant.people[0]).keys())
    page = [{k: item.get(k) for k in (selected or default_keys)} for item in items[offset : offset + top]]
    context = "users" + (f"({','.join(selected)})" if selected else "")
    body: dict[str, Any] = {"@odata.context": CONTEXT_BASE + context}
    if eventual and q.get("count", "").lower() == "true" and offset == 0:
        body["@odata.count"] = len(items)
    body["value"] = page
    if offset + top < len(items):
        from .core import next_link

        body["@odata.nextLink"] = next_link(ctx.request, {"skiptoken": f"X'{offset + top:04X}'"}, top_default=None)
    return ok(body)


def _words(text: str) -> list[str]:
    """Words of a name as people search splits them: spaces, symbols, parentheses and case changes."""
    return [w.casefold() for w in re.findall(r"[^\W_]+", re.sub(r"([a-z])([A-Z])", r"\1 \2", text))]


def _people_match(search: str, item: dict[str, Any]) -> bool:
    """/me/people $search: every word searched starts a word of the display name or of an address, in any
    order ("david li" and "li" find "李四(David Li)", "obrien" finds "O'Brien" through the address)."""
    terms = _words(search)
    if not terms:
        return False
    address = " ".join(str(e.get("address") or "").split("@")[0] for e in item.get("scoredEmailAddresses") or [])
    words = _words(str(item.get("displayName") or "")) + _words(address)
    return all(any(w.startswith(t) for w in words) for t in terms)


async def people(ctx: Ctx) -> GraphResponse:
    from .core import list_response

    me = ctx.principal.oid
    items = []
    for person in ctx.state.tenant.people:
        if person.id == me:
            continue
        items.append(
            {
                "id": person.id,
                "displayName": person.display_name,
                "givenName": person.given_name,
                "surname": person.surname,
                "jobTitle": person.job_title,
                "officeLocation": person.office,
                "userPrincipalName": person.upn,
                "scoredEmailAddresses": [{"address": person.mail, "relevanceScore": 8.0, "selectionLikelihood": "notSpecified"}],
                "personType": {"class": "Person", "subclass": "OrganizationUser"},
            }
        )
    search = ctx.request.query.get("search", "").strip('"')
    if search:
        items = [i for i in items if _people_match(search, i)]
    return list_response(ctx, items, context=f"users('{me}')/people", workload="directory", always=("id",))


def register(router: Router) -> None:
    router.add("GET", "/me", get_me, scopes=("User.Read", "User.ReadWrite", "User.ReadBasic.All", "User.Read.All", "Directory.Read.All"), workload="directory")
    router.add("GET", "/users", list_users, scopes=READ_ALL, workload="directory")
    router.add("GET", "/users/{id}", get_user, scopes=READ_ALL, workload="directory")
    router.add("GET", "/me/people", people, scopes=("People.Read", "People.Read.All"), workload="directory")
