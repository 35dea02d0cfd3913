"""One page of a list answer: the slice shown, its "n to m of N" line, and the context it leaves for "more"."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from cards.base import text_block
from language import t

__all__ = ["Page", "page_line", "paged", "with_page_line"]

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    """Items `first`..`last` (1-based) of `total`, page `index` (0-based)."""

    items: list[T]
    index: int
    total: int
    size: int

    @property
    def first(self) -> int:
        return self.index * self.size + 1

    @property
    def last(self) -> int:
        return self.index * self.size + len(self.items)

    @property
    def more(self) -> bool:
        return self.last < self.total


def paged(items: Sequence[T], index: int, size: int) -> Page[T]:
    """Page `index` of `items` (the last page when `index` runs past the end)."""
    last_page = max(0, (len(items) - 1) // size)
    index = min(max(0, index), last_page)
    return Page(list(items[index * size:(index + 1) * size]), index, len(items), size)


def page_line(page: Page[Any], locale: str) -> str | None:
    """"Items 21 to 40 of 45. Say "more" for the next 5." — None when everything fits on one page."""
    if page.total <= page.size and page.index == 0:
        return None
    line = t("context.page.line", locale, first=page.first, last=page.last, count=page.total)
    if page.more:
        line += " " + t("context.page.more_hint", locale, count=page.total - page.last)
    return line


def with_page_line(card: dict[str, Any], line: str | None) -> dict[str, Any]:
    """The card with the page line under its items (the card is returned as it is when there is no line)."""
    if line:
        card["body"].append(text_block(line, isSubtle=True))
    return card
