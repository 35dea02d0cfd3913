"""The peer SDKs' virtual environments: built from bench/requirements/<name>.txt (every package pinned) when missing."""

from __future__ import annotations

import hashlib
import logging
import subprocess
import sys
from pathlib import Path

from bench.targets import ROOT

__all__ = ["PEER_DIR", "VENV_DIR", "peer_python"]

logger = logging.getLogger(__name__)

PEER_DIR = ROOT / "bench" / "requirements"
VENV_DIR = ROOT / ".venv" / "peers"  # beside MIPA's own environment: ignored by git, linters and scans


def _digest(requirements: Path) -> str:
    return hashlib.sha256(requirements.read_bytes()).hexdigest()


def peer_python(name: str, *, log_path: Path, timeout: float = 900.0) -> tuple[Path | None, str]:
    """The interpreter of peer `name`'s virtual environment, building it first if needed; else (None, why)."""
    requirements = PEER_DIR / f"{name}.txt"
    if not requirements.exists():
        return None, f"no pinned requirements at {requirements.relative_to(ROOT)}"
    venv = VENV_DIR / name
    python = venv / "bin" / "python"
    stamp = venv / ".requirements-sha256"
    digest = _digest(requirements)
    if python.exists() and stamp.exists() and stamp.read_text().strip() == digest:
        return python, ""
    log_path.parent.mkdir(parents=True, exist_ok=True)
    logger.warning("building the %s virtual environment from %s (once)", name, requirements.name)
    steps = [
        [sys.executable, "-m", "venv", "--clear", str(venv)],
        [str(python), "-m", "pip", "install", "--disable-pip-version-check", "-q", "--no-deps", "-r", str(requirements)],
    ]
    with log_path.open("ab") as log:
        for step in steps:
            try:
                done = subprocess.run(step, stdout=log, stderr=subprocess.STDOUT, timeout=timeout, check=False)
            except (OSError, subprocess.TimeoutExpired) as exc:
                return None, f"its virtual environment could not be built ({type(exc).__name__})"
            if done.returncode != 0:
                return None, f"pip could not install {requirements.name} (see {log_path.name})"
    stamp.write_text(digest + "\n")
    return python, ""
