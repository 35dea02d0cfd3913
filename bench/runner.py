"""Orchestrates one benchmark run: processes, cells, side measures, then the table and the JSON file."""

from __future__ import annotations

import argparse
import json
import logging
import os
import platform
import re
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any

import httpx

from app import WARM_LINE
from bench.checks import evaluate, render_checks
from bench.errors import BenchError, LoadGeneratorError
from bench.measures import (
    SandboxAdmin,
    graph_entries,
    log_durations_ms,
    path_counts,
    round_trips,
)
from bench.peers import peer_python
from bench.report import (
    CellResult,
    add_ratios,
    percentile,
    render_extras,
    render_table,
    summarise_cell,
    write_json,
)
from bench.slow_callbacks import MARKER as SLOW_MARKER
from bench.targets import ROOT, SCENARIOS, SIGNIN_CARDS, Target, all_targets, mipa_error_sentences
from devkit import ChildProcess, ProcessStartError, RedisServer, free_port

__all__ = ["LATENCY_SCENARIOS", "Options", "main", "parse_options", "run", "slow_callbacks"]

logger = logging.getLogger(__name__)

#: The latency scenario's cells: target → scenarios.
LATENCY_SCENARIOS: dict[str, tuple[str, ...]] = {"bare-graph": ("calendar read",), "mipa": ("calendar read", "my day")}


_CPU_NOTE = re.compile(r"\[cpu ([0-9.]+) ms\]")


def slow_callbacks(log: Path, offset: int) -> dict[str, Any]:
    """The `slow-callback` lines a `bench.slow_callbacks` child printed after `offset` (its start-up left out)."""
    try:
        with log.open("rb") as handle:
            handle.seek(offset)
            lines = handle.read().decode("utf-8", "replace").splitlines()
    except OSError:
        return {"available": False}
    found: list[tuple[float, str]] = []
    cpu_found: list[float] = []
    for line in lines:
        if line.startswith(SLOW_MARKER):
            ms, _, what = line[len(SLOW_MARKER):].partition(" ms ")
            try:
                found.append((float(ms), what))
            except ValueError:
                continue
            cpu = _CPU_NOTE.search(what)
            if cpu and float(cpu.group(1)) >= 5.0:
                cpu_found.append(float(cpu.group(1)))
    found.sort(key=lambda item: -item[0])
    return {"available": True, "threshold_ms": 5.0, "count": len(found),
            "max_ms": found[0][0] if found else 0.0, "worst": [f"{ms:.1f} ms {what}" for ms, what in found[:5]],
            # of those, the callbacks whose own CPU (the loop thread's) was over 5 ms: the rest waited for the machine
            "cpu_count": len(cpu_found), "cpu_max_ms": max(cpu_found, default=0.0)}


def recognition_in_child(sample: int) -> dict[str, Any]:
    """`recognition_times` in its own process (`python -m bench.recognition --json`), as every measured target runs:
    in the runner's process a full collection over the run's own results (cells, latencies) could land inside one of
    the event-loop checks and be counted against the recognizer."""
    try:
        done = subprocess.run([sys.executable, "-m", "bench.recognition", "--sample", str(sample), "--json"],
                              cwd=ROOT, capture_output=True, text=True, timeout=600, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return {"available": False, "reason": f"bench.recognition did not finish ({type(exc).__name__})"}
    try:
        figures = json.loads(done.stdout)
    except ValueError:
        return {"available": False, "reason": f"bench.recognition printed no figures (exit {done.returncode})"}
    return figures if isinstance(figures, dict) else {"available": False, "reason": "bench.recognition: not a dict"}


def wait_for_line(log: Path, marker: str, *, timeout: float) -> float | None:
    """Seconds until a line of `log` starts with `marker` (polled every 10 ms), or None after `timeout`."""
    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        try:
            text = log.read_text(errors="replace")
        except OSError:
            text = ""
        if text.startswith(marker) or f"\n{marker}" in text:
            return time.perf_counter() - started
        time.sleep(0.01)
    return None


@dataclass(frozen=True, slots=True)
class Options:
    duration: float = 5.0
    warmup: float = 1.0
    max_turns: int | None = None
    concurrency: tuple[int, ...] = (1, 16)
    targets: tuple[str, ...] = (
        "echo-bot", "bare-reply", "agents-sdk", "teams-sdk", "bare-graph", "mipa", "mipa-asyncio-debug",
        "mipa-callback-timing", "mipa-redis",
    )
    latency_concurrency: int = 64  # conversations of the latency scenario (0 = skip it)
    latency_ms: tuple[int, int] = (100, 200)  # the sandbox's latency fault per Graph request in that scenario
    conversations: int = 1000
    recognition_sample: int = 600
    sandbox_gets: int = 200
    output_dir: Path = field(default_factory=lambda: ROOT / "bench" / "results")


def parse_options(argv: Sequence[str] | None = None) -> Options:
    parser = argparse.ArgumentParser(prog="python -m bench", description="MIPA benchmark against its baselines")
    parser.add_argument("--quick", action="store_true", help="short cells and small side measures (~1 min)")
    parser.add_argument("--duration", type=float, help="measured seconds per cell (default 5)")
    parser.add_argument("--warmup", type=float, help="unmeasured seconds before each cell (default 1)")
    parser.add_argument("--turns", type=int, help="stop each cell after this many measured turns")
    parser.add_argument("--concurrency", default="1,16", help="comma-separated conversation counts")
    parser.add_argument("--targets", default=",".join(Options().targets), help="comma-separated targets")
    parser.add_argument("--conversations", type=int, help="conversations before reading RSS (default 1000)")
    parser.add_argument("--recognition-sample", type=int, help="corpus utterances to time (0 = skip)")
    parser.add_argument("--sandbox-gets", type=int, help="sequential GET /v1.0/me to time (0 = skip)")
    parser.add_argument("--latency-concurrency", type=int,
                        help="conversations of the latency scenario (default 64, 0 = skip)")
    parser.add_argument("--latency", default="100-200", help="the latency scenario's Graph latency, MIN-MAX ms")
    parser.add_argument("--output-dir", type=Path, help="where the JSON goes (default bench/results)")
    args = parser.parse_args(argv)
    quick = args.quick
    known = {target.name for target in all_targets()}
    targets = tuple(name.strip() for name in args.targets.split(",") if name.strip())
    unknown = set(targets) - known
    if unknown:
        parser.error(f"unknown targets {sorted(unknown)}; choose from {sorted(known)}")

    def pick(value: Any, full: Any, short: Any) -> Any:
        return value if value is not None else (short if quick else full)

    return Options(
        duration=pick(args.duration, 5.0, 1.5),
        warmup=pick(args.warmup, 1.0, 0.3),
        max_turns=args.turns,
        concurrency=tuple(int(c) for c in args.concurrency.split(",") if c.strip()),
        targets=targets,
        conversations=pick(args.conversations, 1000, 100),
        recognition_sample=pick(args.recognition_sample, 600, 150),
        sandbox_gets=pick(args.sandbox_gets, 200, 50),
        output_dir=args.output_dir or Options().output_dir,
        latency_concurrency=pick(args.latency_concurrency, 64, 64),
        latency_ms=_latency(parser, args.latency),
    )


def _latency(parser: argparse.ArgumentParser, text: str) -> tuple[int, int]:
    low, _, high = text.partition("-")
    try:
        pair = (int(low), int(high or low))
    except ValueError:
        parser.error("--latency is MIN-MAX in milliseconds, for example 100-200")
    if not 0 <= pair[0] <= pair[1]:
        parser.error("--latency is MIN-MAX in milliseconds with 0 <= MIN <= MAX")
    return pair


class LoadGeneratorProcess:
    """The `python -m bench.loadgen` child, spoken to in JSON lines."""

    def __init__(self, *, log_path: Path) -> None:
        self._child = ChildProcess(
            name="load generator",
            argv=[sys.executable, "-m", "bench.loadgen", "--port", str(free_port())],
            log_path=log_path,
            cwd=ROOT,
            stdin=subprocess.PIPE,
            capture_stdout=True,
        )

    def start(self) -> None:
        self._child.start()

    def ask(self, command: dict[str, Any]) -> dict[str, Any]:
        process = self._child.process
        assert process is not None and process.stdin is not None and process.stdout is not None
        try:
            process.stdin.write((json.dumps(command) + "\n").encode())
            process.stdin.flush()
        except BrokenPipeError as exc:
            raise LoadGeneratorError("the load generator has exited") from exc
        line = process.stdout.readline()
        if not line:
            raise LoadGeneratorError("the load generator has exited")
        answer = json.loads(line)
        if not answer.get("ok"):
            raise LoadGeneratorError(str(answer.get("error")))
        return dict(answer)

    def stop(self) -> None:
        process = self._child.process
        if process is not None and process.poll() is None and process.stdin is not None:
            try:
                process.stdin.write(b'{"op": "quit"}\n')
                process.stdin.flush()
                process.wait(timeout=5)
            except (BrokenPipeError, subprocess.TimeoutExpired):
                pass
        self._child.stop()


class Run:
    """State of one benchmark run."""

    def __init__(self, options: Options, stamp: str) -> None:
        self.options = options
        self.log_dir = options.output_dir / f"{stamp}-logs"
        self.cells: list[CellResult] = []
        self.processes: dict[str, dict[str, Any]] = {}
        self.admin: SandboxAdmin | None = None
        self.sandbox_url = ""
        self.sandbox_reason = ""
        self.users: list[dict[str, str]] = []
        self.loadgen = LoadGeneratorProcess(log_path=self.log_dir / "loadgen.log")
        self.redis = RedisServer(log_path=self.log_dir / "redis-server.log")
        self.redis_reason = ""
        self._mipa_errors: list[str] | None = None
        self.sandbox: ChildProcess | None = None

    def start_redis(self) -> None:
        """The redis-server of the `storage="redis"` targets; on failure those targets are not available."""
        if not self.redis.installed:
            self.redis_reason = "redis-server is not installed (apt-get install redis-server)"
            return
        try:
            self.redis.start()
        except (BenchError, ProcessStartError) as exc:
            self.redis_reason = str(exc)
            return
        self.processes["redis-server"] = {"ready_s": round(self.redis.ready_s or 0.0, 3), "port": self.redis.port}

    def unavailable(self, target: Target, reason: str) -> None:
        for scenario in target.scenarios:
            for concurrency in self.options.concurrency:
                self.cells.append(CellResult(target.name, scenario, concurrency, available=False, reason=reason))

    def start_sandbox(self) -> ChildProcess | None:
        if not (ROOT / "sandbox" / "__main__.py").exists():
            self.sandbox_reason = "the sandbox (python -m sandbox) does not exist yet"
            return None
        port = free_port()
        child = ChildProcess(
            name="sandbox",
            argv=[sys.executable, "-m", "sandbox", "--host", "127.0.0.1", "--port", str(port), "--auto-signin"],
            log_path=self.log_dir / "sandbox.log",
            cwd=ROOT,
        )
        try:
            self.sandbox_url = child.start()
            self.admin = SandboxAdmin(base_url=self.sandbox_url)
            users = self.admin.users()
        except (BenchError, ProcessStartError, httpx.HTTPError, KeyError, ValueError) as exc:
            self.sandbox_reason = f"the sandbox did not start ({type(exc).__name__}: {child.last_log_line()})"
            child.stop()
            self.admin = None
            return None
        self.processes["sandbox"] = {"ready_s": round(time.perf_counter() - child.started_at, 3)}
        self.users = [{"id": str(u["id"]), "aadObjectId": str(u["id"])} for u in users if u.get("id")]
        self.sandbox = child
        return child

    def channel_users(self, target: Target) -> list[dict[str, str]]:
        if target.needs_sandbox and self.users:
            return self.users
        return [{"id": f"29:bench-user-{i}", "aadObjectId": f"bench-aad-{i}"} for i in range(16)]

    def checks(self, target: Target) -> dict[str, Any]:
        if target.module:
            return {}
        if self._mipa_errors is None:
            self._mipa_errors = mipa_error_sentences()
        return {"reject_texts": self._mipa_errors, "reject_content_types": list(SIGNIN_CARDS)}

    def cell(self, target: Target, bot_url: str, scenario: str, concurrency: int, **extra: Any) -> dict[str, Any]:
        command = {
            "op": "cell",
            "bot_url": bot_url,
            "turns": SCENARIOS[scenario.split(" @", 1)[0]].wire(),
            "concurrency": concurrency,
            "users": self.channel_users(target),
            "conversation_prefix": f"{target.name}-{scenario.replace(' ', '-')}-{concurrency}-{time.time_ns()}",
            "duration": self.options.duration,
            "warmup": self.options.warmup,
            "max_turns": self.options.max_turns,
            **self.checks(target),
            **extra,
        }
        return self.loadgen.ask(command)

    def run_target(self, target: Target) -> None:
        ok, reason = target.available()
        if ok and target.needs_sandbox and self.admin is None:
            ok, reason = False, self.sandbox_reason
        if ok and target.storage == "redis" and not self.redis.url:
            ok, reason = False, self.redis_reason or "redis-server did not start"
        if ok and target.peer:
            python, reason = peer_python(target.peer, log_path=self.log_dir / f"{target.peer}-venv.log")
            ok = python is not None
            target = replace(target, python=str(python or ""))
        if not ok:
            self.unavailable(target, reason)
            return
        if target.needs_sandbox and self.admin is not None:
            self.admin.reset()
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        child = ChildProcess(
            name=target.name,
            argv=target.argv(port=port, sandbox_url=self.sandbox_url),
            env=target.env(port=port, sandbox_url=self.sandbox_url,
                           storage_url=self.redis.url if target.storage == "redis" else ""),
            log_path=self.log_dir / f"{target.name}.log",
            cwd=ROOT,
        )
        info: dict[str, Any] = {}
        self.processes[target.name] = info
        child_log = self.log_dir / f"{target.name}.log"
        try:
            child.spawn()
            first = child.first_answer(base + "/healthz", timeout=60)
            if first is None:
                self.unavailable(target, f"did not start ({child.last_log_line()})")
                return
            info["startup_s"], info["startup_status"] = round(first[0], 3), first[1]
            info["startup_measure"] = "process spawn to first HTTP answer on GET /healthz"
            info["rss_start_mb"] = child.rss_mb()
            if not target.module:  # MIPA: its cells start once the recognizer is warm and start-up is frozen
                info["warm_after_s"] = wait_for_line(child_log, WARM_LINE, timeout=60)
            log_offset = child_log.stat().st_size if child_log.exists() else 0
            for scenario in target.scenarios:
                for concurrency in self.options.concurrency:
                    self.run_cell(target, base, scenario, concurrency, child)
            self.run_latency_cells(target, base, child)
            if target.slow_callbacks:
                info["slow_callbacks"] = slow_callbacks(child_log, log_offset)
            if target.memory and self.options.conversations > 0:
                raw = self.cell(target, base + "/api/messages", target.scenarios[0], 16,
                                iterations=self.options.conversations)
                info["conversations"] = self.options.conversations
                info["conversation_errors"] = sum(raw["errors"].values())
                info["rss_after_mb"] = child.rss_mb()
        finally:
            child.stop()

    def run_latency_cells(self, target: Target, base: str, child: ChildProcess) -> None:
        """The latency scenario: every Graph request `latency_ms` away, `latency_concurrency` conversations.

        The bench's 64 conversations share the tenant's 7 demo mailboxes (the bare handler uses one), where a
        deployment has one mailbox per person: the per-mailbox limit of concurrent requests is lifted for these
        cells so that they measure latency, not a throttling storm no real tenant of 64 people would see.
        Inside one `$batch` the sandbox still dispatches at most four Outlook requests at a time, as Graph does.
        """
        scenarios = LATENCY_SCENARIOS.get(target.name, ())
        if not scenarios or self.options.latency_concurrency <= 0 or self.admin is None:
            return
        low, high = self.options.latency_ms
        self.admin.set_faults({"latency": {"minMs": low, "maxMs": high}, "mailboxConcurrency": 0})
        try:
            for scenario in scenarios:
                self.run_cell(target, base, f"{scenario} @{low}-{high} ms", self.options.latency_concurrency, child)
        finally:
            self.admin.clear_faults()

    def run_cell(self, target: Target, base: str, scenario: str, concurrency: int, child: ChildProcess) -> None:
        if target.needs_sandbox and self.admin is not None:
            self.admin.clear_requests()
        cpu_before = child.cpu_seconds()
        sandbox_before = self.sandbox.cpu_seconds() if self.sandbox is not None and target.needs_sandbox else None
        try:
            raw = self.cell(target, base + "/api/messages", scenario, concurrency)
        except LoadGeneratorError as exc:
            self.cells.append(CellResult(target.name, scenario, concurrency, available=False,
                                         reason=f"load generator failed: {exc}"))
            return
        cpu_after = child.cpu_seconds()
        result = summarise_cell(target.name, scenario, concurrency, raw)
        if cpu_before is not None and cpu_after is not None and raw.get("turns_total"):
            result.bot_cpu_ms_per_turn = 1000 * (cpu_after - cpu_before) / raw["turns_total"]
        sandbox_after = self.sandbox.cpu_seconds() if sandbox_before is not None and self.sandbox else None
        if sandbox_before is not None and sandbox_after is not None and raw.get("turns_total"):
            result.sandbox_cpu_ms_per_turn = 1000 * (sandbox_after - sandbox_before) / raw["turns_total"]
        result.reply_shapes = raw.get("first_reply_shapes", [])
        if target.needs_sandbox and self.admin is not None:
            entries = graph_entries(self.admin.requests())
            result.graph_requests = len(entries)
            if raw["iterations_total"]:
                result.graph_requests_per_iteration = len(entries) / raw["iterations_total"]
                result.graph_round_trips_per_iteration = round_trips(entries) / raw["iterations_total"]
            result.graph_paths = path_counts(entries)
            writes = sum(1 for entry in entries if entry.get("method") not in ("GET", None))
            if scenario == "task write" and raw["iterations_total"] and writes < raw["iterations_total"]:
                result.notes.append(f"only {writes} Graph writes for {raw['iterations_total']} iterations")
            if not target.module and not entries:
                result.notes.append("no Graph request: the turns did not reach a Graph-backed feature")
            if entries and all(int(entry.get("status", 200)) >= 400 for entry in entries):
                result.notes.append("every Graph request failed")
        self.cells.append(result)
        logger.info("cell %s / %s / %d done", target.name, scenario, concurrency)

    def sandbox_get(self) -> dict[str, Any]:
        if self.admin is None or not self.users or self.options.sandbox_gets <= 0:
            return {"available": False, "reason": self.sandbox_reason or "skipped"}
        token = self.admin.token(self.users[0]["id"])
        self.admin.clear_requests()
        raw = self.loadgen.ask({
            "op": "get", "url": self.sandbox_url + "/v1.0/me", "count": self.options.sandbox_gets,
            "headers": {"Authorization": f"Bearer {token}"},
        })
        client = sorted(raw["latencies_ms"])
        server = sorted(log_durations_ms(graph_entries(self.admin.requests())))
        return {
            "available": True,
            "requests": len(client),
            "statuses": raw["statuses"],
            "client_median_ms": percentile(client, 0.5),
            "client_how": "round trip timed in the load generator process, sequential, keep-alive, loopback",
            "server_median_ms": percentile(server, 0.5),
            "server_how": "durations from the sandbox's own request log" if server
            else "the sandbox's request log records no duration",
        }


def run(options: Options) -> tuple[Path, str]:
    """Run the benchmark; return the JSON path and the printed report."""
    stamp = datetime.now().strftime("%Y%m%dT%H%M%S")
    run = Run(options, stamp)
    targets = [t for t in all_targets() if t.name in options.targets]
    began = time.perf_counter()
    sandbox: ChildProcess | None = None
    sandbox_get: dict[str, Any] = {"available": False, "reason": "skipped"}
    if any(t.needs_sandbox for t in targets) or options.sandbox_gets > 0:
        sandbox = run.start_sandbox()
    if any(t.storage == "redis" for t in targets):
        run.start_redis()
    try:
        run.loadgen.start()
        for target in targets:
            run.run_target(target)
        sandbox_get = run.sandbox_get()
    finally:
        run.loadgen.stop()
        if run.admin is not None:
            run.admin.close()
        if sandbox is not None:
            sandbox.stop()
        run.redis.stop()
    recognition = (recognition_in_child(options.recognition_sample) if options.recognition_sample > 0
                   else {"available": False, "reason": "skipped"})
    add_ratios(run.cells)
    checks = evaluate(run.cells, run.processes) if "mipa" in options.targets else []
    report = render_table(run.cells) + "\n\n" + render_extras(run.processes, sandbox_get, recognition)
    if checks:
        report += "\n\nTargets (MIPA, this run):\n\n" + render_checks(checks)
    path = options.output_dir / f"{stamp}.json"
    write_json(path, cells=run.cells, extra={
        "started": stamp,
        "seconds": round(time.perf_counter() - began, 1),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()},
        "options": {k: (str(v) if isinstance(v, Path) else v) for k, v in vars_of(options).items()},
        "processes": run.processes,
        "sandbox_get": sandbox_get,
        "recognition": recognition,
        "table": render_table(run.cells),
        "checks": [check.as_json() for check in checks],
    })
    return path, report


def vars_of(options: Options) -> dict[str, Any]:
    return {name: getattr(options, name) for name in Options.__dataclass_fields__}


def main(argv: Sequence[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    options = parse_options(argv)
    path, report = run(options)
    print(report)
    print(f"\nJSON: {path}")
    return 0
