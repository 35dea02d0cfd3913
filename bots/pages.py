"""The public pages the Teams manifest links to: `/` (about), `/privacy` and `/terms`, English and French."""

from __future__ import annotations

import html
from functools import cache
from pathlib import Path

from aiohttp import web

__all__ = ["register_pages"]

_PAGES_DIR = Path(__file__).resolve().parent / "pages"
_NAMES = {"/": "about", "/privacy": "privacy", "/terms": "terms"}
_LAYOUT = """<!doctype html>
<html lang="{lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title><link rel="icon" href="data:,">
<style>body{{font-family:system-ui,sans-serif;max-width:42rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#242424}}
h1{{color:#5b5fc7}}nav a{{margin-right:1rem}}</style></head>
<body><nav><a href="/?lang={lang}">MIPA</a><a href="/privacy?lang={lang}">{privacy}</a><a href="/terms?lang={lang}">{terms}</a>
<a href="?lang={other}" hreflang="{other}">{other_label}</a></nav>
<main>{body}</main></body></html>"""
_NAV = {
    "en": {"privacy": "Privacy", "terms": "Terms of use", "other": "fr", "other_label": "Français"},
    "fr": {"privacy": "Confidentialité", "terms": "Conditions d'utilisation", "other": "en", "other_label": "English"},
}


@cache
def _content(name: str, lang: str) -> tuple[str, str]:
    """(title, body HTML) from `bots/pages/<name>.<lang>.txt`: first line the title, then paragraphs."""
    text = (_PAGES_DIR / f"{name}.{lang}.txt").read_text(encoding="utf-8")
    title, _, rest = text.partition("\n")
    paragraphs = [p.strip() for p in rest.split("\n\n") if p.strip()]
    body = f"<h1>{html.escape(title)}</h1>" + "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return title, body


def _language(request: web.Request) -> str:
    asked = request.query.get("lang")
    if asked in ("en", "fr"):
        return asked
    accept = request.headers.get("Accept-Language", "")
    first = accept.split(",")[0].strip().lower()
    return "fr" if first.startswith("fr") else "en"


async def _page(request: web.Request) -> web.Response:
    lang = _language(request)
    title, body = _content(_NAMES[request.path], lang)
    page = _LAYOUT.format(lang=lang, title=html.escape(title), body=body, **_NAV[lang])
    return web.Response(text=page, content_type="text/html", headers={"Content-Language": lang})


def register_pages(app: web.Application) -> None:
    for path in _NAMES:
        app.router.add_get(path, _page)
