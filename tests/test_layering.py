"""The one-way architecture: graph/, language/ and cards/ import nothing from botbuilder (DESIGN.md)."""

from __future__ import annotations

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
