"""What the benchmark runs: the bots under test, their scenarios and how to start each process."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

__all__ = ["ROOT", "SCENARIOS", "Scenario", "Target", "all_targets"]

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True, slots=True)
class Scenario:
    """A scripted conversation: each turn's text and how many message replies end it."""

    name: str
    turns: tuple[tuple[str, int], ...]

    def wire(self) -> list[dict[str, Any]]:
        return [{"text": text, "messages": messages} for text, messages in self.turns]


SCENARIOS = {
    "echo": Scenario(name="echo", turns=(("hello there", 1),)),
    "calendar read": Scenario(name="calendar read", turns=(("what's on my calendar today", 1),)),
    "my day": Scenario(name="my day", turns=(("my day", 1),)),
    "task write": Scenario(name="task write", turns=(("add buy printer paper to my tasks", 1), ("yes", 1))),
}


@dataclass(frozen=True, slots=True)
class Target:
    """A bot process under measurement."""

    name: str
    scenarios: tuple[str, ...]
    needs_sandbox: bool
    memory: bool  # measure RSS after N conversations
    module: str = ""  # `python -m <module>`; empty means `python app.py`
    storage: str = ""  # "redis": MIPA with STORAGE_URL on the redis-server the benchmark starts
    peer: str = ""  # a peer SDK: `module` runs in the virtual environment built from bench/requirements/<peer>.txt
    slow_callbacks: str = ""  # "debug" or "timed": MIPA reporting callbacks over 5 ms (bench/slow_callbacks.py)
    python: str = ""  # the interpreter, when not this one (a peer's, set by the runner)

    def available(self) -> tuple[bool, str]:
        if self.module:
            return True, ""
        if not (ROOT / "app.py").exists():
            return False, "app.py does not exist yet"
        return True, ""

    def argv(self, *, port: int, sandbox_url: str) -> list[str]:
        if self.slow_callbacks:
            timed = ["--timed"] if self.slow_callbacks == "timed" else []
            return [sys.executable, "-m", "bench.slow_callbacks", *timed, str(ROOT / "app.py")]
        if not self.module:
            return [sys.executable, str(ROOT / "app.py")]
        argv = [self.python or sys.executable, "-m", self.module, "--host", "127.0.0.1", "--port", str(port)]
        if self.needs_sandbox:
            argv += ["--sandbox-url", sandbox_url]
        return argv

    def env(self, *, port: int, sandbox_url: str, storage_url: str = "") -> dict[str, str]:
        if self.module:
            return {}
        return {
            "PORT": str(port),
            "HOST": "127.0.0.1",
            "SANDBOX_URL": sandbox_url,
            "MicrosoftAppId": "",
            "MicrosoftAppPassword": "",
            "LOG_LEVEL": "WARNING",
            "STORAGE_URL": storage_url or "memory://",
        }


SIGNIN_CARDS = ("application/vnd.microsoft.card.oauth", "application/vnd.microsoft.card.signin")


def mipa_error_sentences() -> list[str]:
    """MIPA's English error sentences from its message catalogs: a reply with one fails its turn."""
    sentences = []
    for path in sorted((ROOT / "language" / "messages" / "en").glob("*.json")):
        try:
            catalog = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        for key, value in catalog.items():
            if isinstance(value, str) and (".error" in key or key.endswith("unavailable")):
                fixed = value.split("{", 1)[0].strip()
                if len(fixed) >= 20:
                    sentences.append(fixed)
    return sentences


def all_targets() -> list[Target]:
    return [
        Target(name="echo-bot", scenarios=("echo",), needs_sandbox=False, memory=True,
               module="bench.baselines.echo_bot"),
        Target(name="bare-reply", scenarios=("echo",), needs_sandbox=False, memory=False,
               module="bench.baselines.bare_reply"),
        Target(name="bare-graph", scenarios=("calendar read",), needs_sandbox=True, memory=False,
               module="bench.baselines.bare_graph"),
        Target(name="agents-sdk", scenarios=("echo",), needs_sandbox=False, memory=False,
               module="bench.baselines.agents_echo", peer="agents-sdk"),
        Target(name="teams-sdk", scenarios=("echo",), needs_sandbox=False, memory=False,
               module="bench.baselines.teams_echo", peer="teams-sdk"),
        Target(name="mipa", scenarios=("calendar read", "my day", "task write"), needs_sandbox=True, memory=True),
        Target(name="mipa-asyncio-debug", scenarios=("calendar read", "my day"), needs_sandbox=True, memory=False,
               slow_callbacks="debug"),
        Target(name="mipa-callback-timing", scenarios=("calendar read", "my day"), needs_sandbox=True, memory=False,
               slow_callbacks="timed"),
        Target(name="mipa-redis", scenarios=("calendar read", "task write"), needs_sandbox=True, memory=False,
               storage="redis"),
    ]
