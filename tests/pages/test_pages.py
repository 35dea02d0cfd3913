"""The public pages the manifest links to, visited in headless Chromium in English and French."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
from pathlib import Path

from config import Settings
from tests.support.bot import run_bot
from tests.support.channel import FakeChannel

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]


async def test_pages_in_a_browser(sandbox_url: str) -> None:
    node = shutil.which("node")
    assert node, "node is needed (make installs node_modules)"
    run_id = os.environ.get("MIPA_RUN_ID") or time.strftime("%Y%m%d-%H%M%S") + f"-{os.getpid()}"
    out_dir = ROOT / "test-artifacts" / "pages" / run_id
    with FakeChannel() as channel:
        async with run_bot(Settings(sandbox_url=sandbox_url), channel) as bot:
            import asyncio

            done = await asyncio.to_thread(
                subprocess.run, [node, str(HERE / "visit.mjs"), bot.url, str(out_dir)],
                capture_output=True, text=True, timeout=120,
            )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert len(report) == 6
    by_key = {(r["locale"], r["name"]): r for r in report}
    assert by_key[("en-US", "privacy")]["h1"] == "Privacy"
    assert by_key[("fr-FR", "privacy")]["h1"] == "Confidentialité"
    assert by_key[("en-US", "terms")]["h1"] == "Terms of use"
    assert by_key[("fr-FR", "about")]["h1"].startswith("MIPA, mon assistant")
    for entry in report:
        assert entry["status"] == 200
        assert entry["errors"] == []
        expected = "fr" if entry["locale"] == "fr-FR" else "en"
        assert entry["lang"] == expected
        assert entry["switched"] == ("en" if expected == "fr" else "fr")
        assert (out_dir / f"{entry['name']}-{entry['locale']}.png").stat().st_size > 1000
