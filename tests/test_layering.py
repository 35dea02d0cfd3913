"""The one-way architecture: graph/, language/ and cards/ import nothing from botbuilder (DESIGN.md)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_plain_packages_import_no_bot_framework() -> None:
    probe = (
        "import sys, graph, graph.user, language, language.formatting, cards, cards.digest, notify, notify.scheduler, notify.webhook;"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('botbuilder', 'botframework')))"
    )
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


PRODUCT = ("app.py", "clock.py", "config.py", "bots", "dialogs", "graph", "language", "cards", "sandbox", "storage",
           "notify", "doctor")


def _sources(*names: str) -> list[Path]:
    out: list[Path] = []
    for name in names:
        path = ROOT / name
        out.extend([path] if path.suffix == ".py" else sorted(path.rglob("*.py")))
    return out


def _importing(paths: list[Path], packages: str) -> list[str]:
    pattern = re.compile(rf"^\s*(from|import)\s+({packages})\b", re.MULTILINE)
    return [str(p.relative_to(ROOT)) for p in paths if pattern.search(p.read_text())]


def test_the_product_imports_neither_devkit_nor_tests() -> None:
    """devkit/ (child processes for tests and bench) and tests/ are for development only."""
    assert _importing(_sources(*PRODUCT), "devkit|tests|bench") == []


def test_bench_and_devkit_import_no_tests() -> None:
    """bench/ and devkit/ run without the test suite: what both need lives in devkit/."""
    assert _importing(_sources("bench", "devkit"), "tests") == []
