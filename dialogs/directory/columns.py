"""SharePoint columns in dialog state and in sentences: JSON form, values said in a sentence, display."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from dialogs.directory.parsing import AnswerError, parse_answer
from graph import ListColumn, ListItem
from language import format_date, t
from language.text import fold

__all__ = [
    "SETTABLE", "column_from_json", "column_json", "display_value", "item_title", "readable_item", "values_in_sentence",
]

#: Column types MIPA can ask for and write.
SETTABLE = ("text", "number", "currency", "boolean", "dateTime", "choice")

_GENERIC_TITLES = {
    "item", "an item", "a item", "a new item", "new item", "the item", "a row", "a line", "an entry", "a new entry",
    "element", "un element", "un nouvel element", "une ligne", "une entree", "une nouvelle entree", "nouvel element",
}
_TITLE = re.compile(
    r"^\s*(?:please\s+|merci\s+d'|peux-tu\s+)?(?:add|create|put|insert|ajoute[rz]?|cr[ée]e[rz]?|mets|mettre|ins[èe]re[rz]?)"
    r"\s+(?P<t>.+?)\s+(?:to|into|in|on|à|a|dans|sur)\s+(?:the|my|this|la|ma|cette|le)\s",
    re.IGNORECASE,
)
_SYSTEM = {"id", "ID", "Created", "Modified", "Author", "Editor", "ContentType", "Attachments", "Edit", "LinkTitle",
           "LinkTitleNoMenu", "DocIcon", "ItemChildCount", "FolderChildCount", "_UIVersionString", "AppAuthor",
           "AppEditor", "ComplianceAssetId"}
_CONNECTORS = r"(?:\s*(?:is|are|=|:|of|to|at|de|d'|à|a|est|sur)\s*)?"
_VALUE_END = re.compile(r"\s*(?:,|;|\band\b|\bet\b|\bwith\b|\bavec\b|$)", re.IGNORECASE)



def column_json(column: ListColumn) -> dict[str, Any]:
    return {"name": column.name, "display_name": column.display_name, "type": column.type,
            "required": column.required, "read_only": column.read_only, "choices": list(column.choices)}


def column_from_json(data: dict[str, Any]) -> ListColumn:
    return ListColumn(name=str(data["name"]), display_name=str(data["display_name"]), type=str(data["type"]),
                      required=bool(data["required"]), read_only=bool(data["read_only"]),
                      choices=tuple(data.get("choices") or ()))


def _spellings(column: ListColumn) -> list[str]:
    names = {column.display_name, column.name, re.sub(r"(?<=[a-z])(?=[A-Z])", " ", column.name)}
    return sorted((n for n in names if n), key=len, reverse=True)


def item_title(text: str, title: str | None) -> str | None:
    """The item's title from "add <title> to the <list> list", ignoring "an item" / "un élément"."""
    match = _TITLE.search(text)
    candidate = match.group("t").strip(" \"'«»") if match else None
    for value in (candidate, title):
        if value and fold(value) not in _GENERIC_TITLES and not re.search(
                r"\b(?:list|liste|site|sharepoint)\b", value, re.IGNORECASE):
            return value
    return None


def values_in_sentence(
    text: str, columns: list[ListColumn], *, locale: str, tz: str, now: datetime, title: str | None = None
) -> tuple[dict[str, Any], set[str]]:
    """Values given in the sentence ("with quantity 12 and status Done"): typed values, and columns whose
    value did not fit their type (to be asked again)."""
    found: dict[str, Any] = {}
    invalid: set[str] = set()
    by_name = {c.name: c for c in columns}
    if "Title" in by_name:
        value = item_title(text, title)
        if value:
            found["Title"] = value
    for column in columns:
        if column.name == "Title":
            continue
        for spelling in _spellings(column):
            match = re.search(r"\b" + re.escape(spelling) + r"\b" + _CONNECTORS, text, re.IGNORECASE)
            if not match:
                continue
            rest = text[match.end():]
            end = _VALUE_END.search(rest)
            raw = rest[: end.start()] if end else rest
            if not raw.strip():
                break
            try:
                found[column.name] = parse_answer(column.type, raw, locale=locale, tz=tz, now=now, choices=column.choices)
            except AnswerError:
                invalid.add(column.name)
            break
    return found, invalid


def display_value(column: ListColumn, value: Any, *, locale: str) -> str:
    """A value as the confirmation and result cards show it."""
    if column.type == "boolean":
        return t("directory.value.yes" if value else "directory.value.no", locale)
    if column.type == "dateTime" and isinstance(value, str):
        try:
            return format_date(date.fromisoformat(value[:10]), locale, with_year=True)
        except ValueError:
            return value
    if column.type in ("number", "currency") and locale.startswith("fr"):
        return str(value).replace(".", ",")
    return str(value)


def readable_item(item: ListItem, columns: list[ListColumn], *, locale: str) -> ListItem:
    """The item with its list's own columns only (no system fields), by display name, values formatted."""
    fields: dict[str, Any] = {}
    for column in columns:
        value = item.fields.get(column.name)
        if value is None or value == "" or column.name in _SYSTEM:
            continue
        key = "Title" if column.name == "Title" else column.display_name
        fields[key] = value if column.name == "Title" else display_value(column, value, locale=locale)
    return ListItem(id=item.id, fields=fields, web_url=item.web_url, etag=item.etag)
