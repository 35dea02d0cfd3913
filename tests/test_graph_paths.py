"""Graph URLs are built in graph/ only (and simulated in sandbox/): everything else calls typed service methods.

Scanned: the product's own code (app.py, config.py, clock.py, bots/, dialogs/, cards/, language/, storage/, doctor/,
notify/). Not scanned: graph/ and sandbox/ (their job), tests/ (they check effects in the sandbox over raw
HTTP) and bench/ (its bare-Graph baseline is raw HTTP on purpose).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCANNED = ("app.py", "config.py", "clock.py", "bots", "dialogs", "cards", "language", "storage", "notify", "doctor")

#: The first segment of every Graph v1.0 resource path MIPA could touch.
GRAPH_PATH = re.compile(
    r"^/(?:me|users|sites|planner|groups|drives?|subscriptions|\$batch|organization|teams|chats|"
    r"communications|places|solutions|applications|servicePrincipals|directoryObjects)(?:[/?({]|$)"
)
#: The raw transport of a user's Graph facade: `graph.session.get(...)` and friends.
RAW_CALLS = {"get", "get_all", "post", "patch", "delete", "batch", "put"}


def graph_paths_in(source: str) -> list[tuple[int, str]]:
    """(line, text) of each string or f-string that starts like a Graph path, and of each raw session call."""
    found: list[tuple[int, str]] = []
    tree = ast.parse(source)
    # The literal pieces of an f-string are judged with the f-string (only its head starts a path).
    pieces = {id(part) for node in ast.walk(tree) if isinstance(node, ast.JoinedStr) for part in node.values}
    for node in ast.walk(tree):
        if (isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in pieces
                and GRAPH_PATH.match(node.value)):
            found.append((node.lineno, node.value))
        elif isinstance(node, ast.JoinedStr) and node.values:
            head = node.values[0]
            if isinstance(head, ast.Constant) and isinstance(head.value, str) and GRAPH_PATH.match(head.value):
                found.append((node.lineno, ast.unparse(node)))
        elif (isinstance(node, ast.Attribute) and node.attr in RAW_CALLS
              and isinstance(node.value, ast.Attribute) and node.value.attr == "session"):
            found.append((node.lineno, ast.unparse(node)))
    return found


def _files() -> list[Path]:
    files: list[Path] = []
    for name in SCANNED:
        path = ROOT / name
        if path.is_file():
            files.append(path)
        elif path.is_dir():
            files.extend(sorted(path.rglob("*.py")))
    return files


def test_no_graph_path_is_built_outside_graph_and_sandbox() -> None:
    files = _files()
    assert len(files) > 50  # the scan really covers the product's modules
    offenders = [f"{path.relative_to(ROOT)}:{line}: {text}"
                 for path in files for line, text in graph_paths_in(path.read_text(encoding="utf-8"))]
    assert offenders == [], "build these with a typed method of a graph/ service:\n" + "\n".join(offenders)


def test_the_scan_finds_each_way_of_building_a_path() -> None:
    source = '''
async def f(graph, item_id, site):
    await graph.session.get(f"/me/todo/lists/{item_id}")
    path = "/planner/tasks/" + item_id
    other = f"/sites/{site}/lists"
    await graph.session.delete(path)
    fine = "/api/messages"
    also_fine = f"{site}/me"
'''
    assert {line for line, _ in graph_paths_in(source)} == {3, 4, 5, 6}
