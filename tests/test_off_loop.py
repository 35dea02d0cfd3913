"""Nothing in the bot's coroutines reads dates on the event loop (issues 18 and 25): `language.recognize` and the
other readers that may run Recognizers-Text (15-60 ms a sentence) run in a worker thread (`asyncio.to_thread`,
`TurnFacts.recognize_off_loop`). tests/e2e/conftest.py checks the same at run time in every end-to-end test."""

from __future__ import annotations

import ast
from datetime import UTC, datetime
from pathlib import Path

from dialogs.answers import parse_answer
from language import recognize
from tests.support.offloop import date_reader_watched

ROOT = Path(__file__).resolve().parent.parent
BOT = ("bots", "dialogs", "notify")
#: language functions that may run the date reader (Recognizers-Text).
READERS = {"recognize", "extract_entities", "extract_dates", "read_correction", "parse_autoreply", "settle"}
#: A sentence that reaches Recognizers-Text (a range of weekdays): no fast path reads it.
SLOW_SENTENCE = "from monday to wednesday"


def _functions(tree: ast.AST) -> list[ast.FunctionDef | ast.AsyncFunctionDef]:
    return [node for node in ast.walk(tree) if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))]


def _own_calls(function: ast.FunctionDef | ast.AsyncFunctionDef) -> list[tuple[ast.Call, bool]]:
    """The calls in `function`'s own body (nested functions left out), each with whether it is awaited."""
    found: list[tuple[ast.Call, bool]] = []
    awaited: set[int] = set()

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
                continue
            if isinstance(child, ast.Await) and isinstance(child.value, ast.Call):
                awaited.add(id(child.value))
            if isinstance(child, ast.Call):
                found.append((child, id(child) in awaited))
            visit(child)

    visit(function)
    return found


def _name(call: ast.Call) -> str:
    func = call.func
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""


def _bot_functions() -> list[tuple[str, ast.FunctionDef | ast.AsyncFunctionDef]]:
    found = []
    for folder in BOT:
        for path in sorted((ROOT / folder).rglob("*.py")):
            tree = ast.parse(path.read_text(), filename=str(path))
            found += [(f"{path.relative_to(ROOT)}:{f.lineno} {f.name}", f) for f in _functions(tree)]
    return found


def _slow_names(functions: list[tuple[str, ast.FunctionDef | ast.AsyncFunctionDef]]) -> set[str]:
    """READERS and every synchronous function of the bot that calls one of them, directly or not."""
    slow = set(READERS)
    while True:
        more = {f.name for _, f in functions if isinstance(f, ast.FunctionDef) and f.name not in slow
                and any(_name(call) in slow and not awaited for call, awaited in _own_calls(f))}
        if not more:
            return slow
        slow |= more


def test_no_coroutine_of_the_bot_reads_dates_on_the_loop() -> None:
    functions = _bot_functions()
    slow = _slow_names(functions)
    on_loop = [f"{where} calls {_name(call)}" for where, f in functions if isinstance(f, ast.AsyncFunctionDef)
               for call, awaited in _own_calls(f) if _name(call) in slow and not awaited]
    assert on_loop == [], "await asyncio.to_thread(reader, ...) instead (or TurnFacts.recognize_off_loop)"
    # the scan sees the readers the dialogs hand to a worker thread: it would see them called on the loop
    assert {"parse_answer", "values_in_sentence", "clarification"} <= slow


def test_the_scan_finds_a_reading_on_the_loop() -> None:
    tree = ast.parse("async def step(text):\n    return helper(text)\n\ndef helper(text):\n    return recognize(text)\n")
    functions = [(f.name, f) for f in _functions(tree)]
    assert "helper" in _slow_names(functions)
    steps = [f for _, f in functions if isinstance(f, ast.AsyncFunctionDef)]
    assert [_name(c) for c, awaited in _own_calls(steps[0]) if not awaited] == ["helper"]


async def test_the_run_time_guard_sees_the_bot_read_dates_on_the_loop() -> None:
    now = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)
    with date_reader_watched() as on_loop:
        parse_answer("dateTime", SLOW_SENTENCE + " next year", locale="en", tz="UTC", now=now)  # dialogs/ code
        recognize(SLOW_SENTENCE + " please", "en", now, "UTC")  # the test's own call: not the bot's
    assert len(on_loop) == 1 and "dialogs/answers.py" in on_loop[0]
