"""Every measurement of the performance issues, each beside its baseline, in one run.

    python bench/run.py                 # all targets, 5 runs each (7 for start-up)
    python bench/run.py --runs 7 --only cli,memory
    python bench/run.py --markdown      # the table as Markdown, for docs/performance.md

Only Python is needed: each command is started by a small launcher process and
timed with ``time.perf_counter`` (its own peak RSS from ``os.wait4``), the
subject and its baseline alternate run by run so that both see the same
machine, and the table shows medians with their spread.  The app runs under a
pseudo-terminal (120x40), exactly as a person starts it; start-up is timed to
the output that draws the first item's title (the baseline's first tree node),
and the older "settled" figure (the last output before the screen goes quiet,
or the exit ``ITA_TUI_EXIT_AFTER_FIRST_FRAME=1`` asks for) is shown beside it.
Key latencies: key written to the terminal → first bytes of the repaint.

Generated checklists go to bench/out/ (git-ignored); the generator is seeded,
so every run measures the same files.  docs/performance.md explains each target.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import fcntl
import json
import os
import platform
import pty
import select
import shutil
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out"
PY = sys.executable
# Subprocesses import ita_tui from this tree, wherever they run.
os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
BUNDLED = ROOT / "ita_tui" / "checklists" / "fy2566.toml"

sys.path.insert(0, str(HERE))
from generate import write as generate_file  # noqa: E402

# A user's install has every module compiled (pip writes the .pyc files); a process that
# may not write them recompiles ita_tui on every start (about 50 ms here).  Measure as
# installed: compile once, let the children read the .pyc files.
os.environ.pop("PYTHONDONTWRITEBYTECODE", None)

# -- running things -------------------------------------------------------------


@dataclass
class Sample:
    seconds: float
    rss_mib: float
    code: int


# Runs each measured command and reports its time and peak RSS.  A separate small process:
# Linux keeps a process's peak RSS across fork and exec, so a child forked from this
# script (which holds a 35 MB checklist in memory) would report this script's peak as
# its own.  Forked from the launcher (about 10 MiB), a child reports its own.
LAUNCHER = r"""
import json, os, subprocess, sys, tempfile, time
for line in sys.stdin:
    job = json.loads(line)
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        process = subprocess.Popen(job["cmd"], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                   stderr=errors, cwd=job["cwd"], env=job["env"])
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
        errors.seek(0)
        tail = errors.read().decode(errors="replace")[-2000:]
    reply = {"seconds": elapsed, "rss": usage.ru_maxrss / 1024, "code": os.waitstatus_to_exitcode(status),
             "stderr": tail}
    sys.stdout.write(json.dumps(reply) + "\n")
    sys.stdout.flush()
"""


class _Launcher:
    """The small process that starts measured commands (see LAUNCHER)."""

    process: subprocess.Popen[str] | None = None

    @classmethod
    def start(cls) -> None:
        """Start it while this script is still small (main() does, before generating files)."""
        if cls.process is None:
            cls.process = subprocess.Popen(
                [PY, "-c", LAUNCHER], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
            )

    @classmethod
    def run(cls, cmd: Sequence[str], cwd: Path | None, env: dict[str, str] | None) -> dict[str, object]:
        cls.start()
        assert cls.process is not None and cls.process.stdin is not None and cls.process.stdout is not None
        job = {"cmd": list(cmd), "cwd": str(cwd) if cwd else None, "env": env or dict(os.environ)}
        cls.process.stdin.write(json.dumps(job) + "\n")
        cls.process.stdin.flush()
        reply: dict[str, object] = json.loads(cls.process.stdout.readline())
        return reply

    @classmethod
    def stop(cls) -> None:
        if cls.process is not None:
            assert cls.process.stdin is not None
            cls.process.stdin.close()
            cls.process.wait()
            cls.process = None


def run_once(cmd: Sequence[str], *, cwd: Path | None = None, env: dict[str, str] | None = None) -> Sample:
    """Run *cmd* to the end; its wall time and its own peak RSS (not the bench's)."""
    reply = _Launcher.run(cmd, cwd, env)
    code = int(reply["code"])  # type: ignore[call-overload]
    if code != 0:
        raise RuntimeError(f"{' '.join(cmd)} exited {code}: {reply['stderr']}")
    return Sample(float(reply["seconds"]), float(reply["rss"]), code)  # type: ignore[arg-type]


@dataclass
class PtyRun:
    """One app run under a pseudo-terminal."""

    first_frame: float | None = None  # seconds from start to the settled first frame
    marker_seen: float | None = None  # seconds from start to the output that drew the marker
    keys: dict[str, float] = field(default_factory=dict)  # key name → repaint latency (s)
    rss_mib: float = 0.0
    note: str = ""


class _Terminal:
    def __init__(self, cmd: Sequence[str], env: dict[str, str], size: tuple[int, int] = (120, 40)) -> None:
        self.start = time.perf_counter()
        pid, fd = pty.fork()
        if pid == 0:  # the child: set the window size, then become the app
            try:
                fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", size[1], size[0], 0, 0))
                os.chdir(ROOT)
                os.execve(cmd[0], list(cmd), env)
            finally:
                os._exit(127)
        self.pid, self.fd = pid, fd
        self.buffer = bytearray()
        self.alive = True
        self.marker_at: float | None = None  # when settle() first saw its marker

    def read(self, timeout: float) -> float | None:
        """Read what is there within *timeout*; the time of the chunk, or None if quiet."""
        if not self.alive:
            return None
        ready, _, _ = select.select([self.fd], [], [], max(timeout, 0))
        if not ready:
            return None
        try:
            chunk = os.read(self.fd, 1 << 16)
        except OSError as error:
            if error.errno != errno.EIO:
                raise
            chunk = b""
        now = time.perf_counter()
        if not chunk:
            self.alive = False
            return now
        self.buffer += chunk
        return now

    def settle(
        self, quiet: float, timeout: float, marker: bytes | None = None, since: int = 0
    ) -> float | None:
        """The time of the last output before *quiet* seconds of silence (after *marker* shows)."""
        deadline = time.perf_counter() + timeout
        last = None
        while time.perf_counter() < deadline:
            seen = marker is None or marker in self.buffer[since:]
            got = self.read(quiet if (seen and last is not None) else 0.01)
            if got is not None:
                last = got
                if marker is not None and self.marker_at is None and marker in self.buffer[since:]:
                    self.marker_at = got  # the chunk that completed the marker
                if not self.alive:  # exited: a frame only if the marker was drawn
                    return last if marker is None or marker in self.buffer[since:] else None
            elif seen and last is not None:
                return last
            elif not self.alive:
                return None
        return None

    def send(self, data: bytes) -> float:
        os.write(self.fd, data)
        return time.perf_counter()

    def close(self) -> float:
        """Stop the app (it was started here, by pid) and return its peak RSS in MiB."""
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.pid, signal.SIGTERM)
        deadline = time.perf_counter() + 5
        while True:
            with contextlib.suppress(OSError):
                self.read(0.01)
            done, _, usage = os.wait4(self.pid, os.WNOHANG)
            if done:
                break
            if time.perf_counter() > deadline:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(self.pid, signal.SIGKILL)
                _, _, usage = os.wait4(self.pid, 0)
                break
        os.close(self.fd)
        return usage.ru_maxrss / 1024


def run_app(
    cmd: Sequence[str],
    marker: bytes,
    *,
    keys: Sequence[tuple[str, bytes]] = (),
    timeout: float = 120,
    quiet: float = 0.15,
    pause: float = 1.5,
) -> PtyRun:
    """Start *cmd* in a terminal, wait for its first settled frame, then time each key's repaint.

    For each key: ``keys[name]`` is the time to its first repaint (what the person sees
    change), ``keys[name + " settled"]`` to the last byte before 0.25 s of quiet.
    A key named ``ctrl+s`` is followed at once by down-arrows typed while the save runs:
    ``keys["typing while saving"]`` is the worst first-repaint latency among them.
    """
    env = dict(
        os.environ, TERM="xterm-256color", COLUMNS="120", LINES="40", ITA_TUI_EXIT_AFTER_FIRST_FRAME=""
    )
    if not keys:
        env["ITA_TUI_EXIT_AFTER_FIRST_FRAME"] = "1"
    terminal = _Terminal(cmd, env)
    result = PtyRun()
    try:
        frame = terminal.settle(quiet, timeout, marker)
        if frame is None:
            tail = bytes(terminal.buffer[-300:]).decode(errors="replace")
            result.note = f"no frame with {marker!r} within {timeout:.0f}s; output ends {tail!r}"
            return result
        result.first_frame = frame - terminal.start
        if terminal.marker_at is not None:
            result.marker_seen = terminal.marker_at - terminal.start
        if keys:
            # Let start-up work that runs after the first frame (Thai dictionary) finish.
            time.sleep(pause)
            terminal.settle(0.25, 10)
        for name, data in keys:
            if not terminal.alive:
                result.note = f"the app exited before key {name}"
                break
            first = _first_repaint(terminal, data)
            if first is None:
                result.note = f"no repaint after key {name}"
                continue
            result.keys[name] = first[0]
            if name == "ctrl+s":
                worst = 0.0
                for _ in range(6):
                    typed = _first_repaint(terminal, b"\x1b[B", settle=0.06)
                    worst = max(worst, typed[0] if typed else 10.0)
                result.keys["typing while saving"] = worst
            end = terminal.settle(0.25, 30)
            result.keys[name + " settled"] = (end or first[1]) - first[1]
    finally:
        result.rss_mib = terminal.close()
    return result


def _first_repaint(terminal: _Terminal, data: bytes, settle: float = 0.0) -> tuple[float, float] | None:
    """Send *data*; (latency to its first output, time sent), or None after 10 s of nothing."""
    mark = len(terminal.buffer)
    sent = terminal.send(data)
    deadline = sent + 10
    while time.perf_counter() < deadline:
        got = terminal.read(0.5)
        if got is not None and len(terminal.buffer) > mark:
            if settle:
                terminal.settle(settle, 5)
            return got - sent, sent
        if not terminal.alive:
            return None
    return None


# -- the table --------------------------------------------------------------------


@dataclass
class Row:
    target: str
    what: str
    subject: float | None  # median, seconds or MiB
    baseline: float | None
    unit: str  # "s", "ms", "MiB", "x"
    limit: str  # human text of the limit
    passed: bool | None
    ratio: float | None = None
    note: str = ""


def median(values: Sequence[float]) -> float | None:
    return statistics.median(values) if values else None


def fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "n/a"
    if unit == "ms":
        return f"{value * 1000:.0f} ms"
    if unit == "s":
        return f"{value:.3f} s" if value < 1 else f"{value:.2f} s"
    if unit == "MiB":
        return f"{value:.0f} MiB"
    if unit == "MB":
        return f"{value:.1f} MB"
    return f"{value:.2f}"


def ratio_row(
    target: str, what: str, subject: list[float], baseline: list[float], unit: str, limit: float
) -> Row:
    s, b = median(subject), median(baseline)
    r = s / b if s is not None and b else None
    row = Row(target, what, s, b, unit, f"≤ {limit}×", None if r is None else r <= limit, r)
    row.note = spread(subject, baseline, unit)
    return row


def spread(subject: list[float], baseline: list[float], unit: str) -> str:
    """``n=7; 0.31–0.52 s vs 0.27–0.41 s; rounds 1.02–1.31×``: what the medians hide.

    The per-round ratios pair each subject run with the baseline run beside it
    (they alternate), so a burst of load on the machine shows in both.
    """
    if not subject or not baseline:
        return ""
    text = (
        f"n={len(subject)}; {fmt(min(subject), unit)}–{fmt(max(subject), unit)} vs "
        f"{fmt(min(baseline), unit)}–{fmt(max(baseline), unit)}"
    )
    if len(subject) == len(baseline):
        ratios = [a / b for a, b in zip(subject, baseline, strict=True) if b]
        text += f"; rounds {min(ratios):.2f}–{max(ratios):.2f}×"
    return text


def print_table(rows: list[Row], markdown: bool) -> None:
    header = ("target", "measurement", "subject (median)", "baseline (median)", "ratio", "limit", "result")
    lines = []
    for row in rows:
        result = "n/a" if row.passed is None else ("PASS" if row.passed else "FAIL")
        lines.append(
            (
                row.target,
                row.what + (f" ({row.note})" if row.note else ""),
                fmt(row.subject, row.unit),
                fmt(row.baseline, row.unit) if row.baseline is not None else "",
                f"{row.ratio:.2f}×" if row.ratio is not None else "",
                row.limit,
                result,
            )
        )
    if markdown:
        print("| " + " | ".join(header) + " |")
        print("|" + "|".join(" --- " for _ in header) + "|")
        for line in lines:
            print("| " + " | ".join(cell.replace("|", "\\|") for cell in line) + " |")
        return
    widths = [max(len(str(cell)) for cell in column) for column in zip(header, *lines, strict=True)]
    for line in [header, tuple("-" * w for w in widths), *lines]:
        print("  ".join(str(cell).ljust(width) for cell, width in zip(line, widths, strict=True)).rstrip())


# -- the measurements ---------------------------------------------------------------


def ita(*args: str) -> list[str]:
    return [PY, "-m", "ita_tui", *args]


def tomllib_load(path: Path) -> list[str]:
    return [PY, "-c", f"import tomllib\nwith open({str(path)!r}, 'rb') as f: tomllib.load(f)"]


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def measure_cli(runs: int, big: Path, work: Path) -> tuple[list[Row], dict[str, list[Sample]]]:
    """Targets 2, 3 and 5: read-only commands, `set`, memory, all against one tomllib series."""
    edited = work / "set-10000.toml"
    shutil.copyfile(big, edited)
    json_out = work / "export.json"
    samples: dict[str, list[Sample]] = {k: [] for k in ("tomllib", "validate", "export json", "set")}
    for round_ in range(runs):
        log(f"  cli round {round_ + 1}/{runs}")
        samples["tomllib"].append(run_once(tomllib_load(big)))
        samples["validate"].append(run_once(ita("validate", str(big)), cwd=work))
        samples["export json"].append(
            run_once(ita("export", str(big), "--format", "json", "-o", str(json_out), "--force"), cwd=work)
        )
        # Alternate, so that every run is a real change (and a real write).
        status = "done" if round_ % 2 == 0 else "in-progress"
        samples["set"].append(run_once(ita("set", str(edited), "U100-O5", "--status", status), cwd=work))
    base = [s.seconds for s in samples["tomllib"]]
    rows = [
        ratio_row(
            "2",
            "validate, 10k items vs tomllib.load",
            [s.seconds for s in samples["validate"]],
            base,
            "s",
            1.5,
        ),
        ratio_row(
            "2",
            "export --format json, 10k vs tomllib.load",
            [s.seconds for s in samples["export json"]],
            base,
            "s",
            1.5,
        ),
        ratio_row(
            "3", "set --status, 10k vs tomllib.load", [s.seconds for s in samples["set"]], base, "s", 2.0
        ),
    ]
    base_rss = [s.rss_mib for s in samples["tomllib"]]
    for name in ("validate", "export json", "set"):
        rows.append(
            ratio_row(
                "5",
                f"peak RSS of {name}, 10k vs tomllib.load",
                [s.rss_mib for s in samples[name]],
                base_rss,
                "MiB",
                2.0,
            )
        )
    return rows, samples


# The first item of the bundled checklist (M1), as the navigator and the detail pane draw
# it: what a person waits to see.  The baseline's first tree node plays the same part.
BUNDLED_FIRST_TITLE = "การสร้างฐานความคิด".encode()
BASELINE_FIRST_NODE = b"Node 0"


def measure_startup(runs: int, work: Path) -> list[Row]:
    """Target 1 (issue 22): launch → the first item's title on screen, vs the minimal Textual app.

    Both run in a pseudo-terminal of 120x40, one after the other in each round.  The
    figure is the time of the output chunk that completes the marker text (the first
    item's title; ``Node 0`` for the baseline): the moment it is on screen.  The
    "settled" figure beside it is the last output before 0.15 s of quiet (or the exit
    that ``ITA_TUI_EXIT_AFTER_FIRST_FRAME`` asks for): it waits for whatever each app
    draws after its first frame, so it is shown for information only.
    """
    runs = max(runs, 7)
    # A copy: the package's own file would open as the user's copy in their data folder
    # (ita_tui.templates.user_file), with a notice, and the bench must not write there.
    bundled = work / "fy2566.toml"
    shutil.copyfile(BUNDLED, bundled)
    seen: tuple[list[float], list[float]] = ([], [])
    settled: tuple[list[float], list[float]] = ([], [])
    notes = []
    for round_ in range(runs):
        log(f"  start-up round {round_ + 1}/{runs}")
        b = run_app([PY, str(HERE / "baseline_app.py")], BASELINE_FIRST_NODE)
        o = run_app(ita(str(bundled)), BUNDLED_FIRST_TITLE)
        if b.marker_seen is None or o.marker_seen is None or b.first_frame is None or o.first_frame is None:
            notes.append(o.note or b.note or "no marker")
            continue
        seen[0].append(o.marker_seen)
        seen[1].append(b.marker_seen)
        settled[0].append(o.first_frame)
        settled[1].append(b.first_frame)
    row = ratio_row(
        "1", "ita-tui FILE (bundled): first item's title on screen vs minimal app", *seen, "s", 1.15
    )
    info = ratio_row("1", "ita-tui FILE (bundled): settled frame vs minimal app (info)", *settled, "s", 1.15)
    info.passed, info.limit = None, "info"
    if notes:
        row.note += f"; {len(notes)} rounds without a frame: {notes[0][:120]}"
    return [row, info]


def measure_app_big(runs: int, big: Path, work: Path, validate_median: float | None) -> list[Row]:
    """Target 4 (and 5 for the app): 10k items in the app; key latencies; typing while saving."""
    copy = work / "app-10000.toml"
    shutil.copyfile(big, copy)
    keys = [("down", b"\x1b[B"), ("space", b" "), ("space 2", b" "), ("ctrl+s", b"\x13")]
    frames: list[float] = []
    latencies: dict[str, list[float]] = {}
    rss: list[float] = []
    notes = []
    for round_ in range(runs):
        log(f"  app 10k round {round_ + 1}/{runs}")
        result = run_app(ita(str(copy)), b"M1", keys=keys, timeout=180)
        if result.marker_seen is None:
            notes.append(result.note)
            continue
        frames.append(result.marker_seen)
        rss.append(result.rss_mib)
        for name, value in result.keys.items():
            latencies.setdefault(name.replace("space 2", "space"), []).append(value)
        if result.note:
            notes.append(result.note)
    frame_median = median(frames)
    ratio = frame_median / validate_median if frame_median is not None and validate_median else None
    return [
        Row(
            "4",
            "app, 10k items: first item on screen vs `validate` (target 2)",
            frame_median,
            validate_median,
            "s",
            "≤ 1.5×",
            None if ratio is None else ratio <= 1.5,
            ratio,
            notes[0][:160] if notes else "",
        ),
        _limit_row("4", "app, 10k: down-arrow, first repaint", latencies.get("down", []), 0.05),
        _limit_row("4", "app, 10k: status toggle (space), first repaint", latencies.get("space", []), 0.05),
        _limit_row(
            "4",
            "app, 10k: keys typed during a save (ctrl+s), first repaint",
            latencies.get("typing while saving", []),
            0.05,
        ),
        _info_row("4", "app, 10k: down-arrow, repaint settled", latencies.get("down settled", [])),
        _info_row("4", "app, 10k: status toggle, repaint settled", latencies.get("space settled", [])),
        Row("5", "peak RSS of the app with 10k items (info)", median(rss), None, "MiB", "info", None),
    ]


def _info_row(target: str, what: str, values: list[float]) -> Row:
    return Row(target, what + " (median)", median(values), None, "ms", "info", None)


def _limit_row(target: str, what: str, values: list[float], limit: float) -> Row:
    value = max(values) if values else None
    row = Row(target, what + " (worst of all runs)", value, None, "ms", f"< {limit * 1000:.0f} ms", None)
    if value is not None:
        row.passed = value < limit
        row.note = f"median {statistics.median(values) * 1000:.0f} ms, n={len(values)}"
    return row


RENDER_ONLY = """
import copy, sys, time
from ita_tui.checklist_file import load_checklist
from ita_tui.exports.options import ExportOptions
from ita_tui.exports.registry import FORMATS, render
path, fmt = sys.argv[1:3]
checklist = load_checklist(path)
options = ExportOptions(width=FORMATS[fmt].default_width)
warm = copy.copy(checklist)  # a first render of three items loads what the format needs
warm.sections = [copy.copy(checklist.sections[0])]
warm.sections[0].items = checklist.sections[0].items[:3]
render(warm, fmt, options)
start = time.perf_counter()
render(checklist, fmt, options)
print(time.perf_counter() - start)
"""


def measure_exports(runs: int, medium: Path, big: Path, work: Path) -> list[Row]:
    """Target 6: text, html, svg of 1,000 items end to end; render time at 1,000 and 10,000 items."""
    rows = []
    limits = {"text": 2.0, "html": 2.0, "svg": 10.0}
    for fmt_name, limit in limits.items():
        command: list[float] = []
        renders: dict[Path, list[float]] = {medium: [], big: []}
        for round_ in range(runs):
            log(f"  export {fmt_name} round {round_ + 1}/{runs}")
            out = work / f"export-{medium.stem}.{fmt_name}"
            command.append(
                run_once(
                    ita("export", str(medium), "--format", fmt_name, "-o", str(out), "--force"), cwd=work
                ).seconds
            )
            for path in (medium, big):
                done = subprocess.run(
                    [PY, "-c", RENDER_ONLY, str(path), fmt_name],
                    capture_output=True,
                    text=True,
                    check=True,
                    cwd=work,
                )
                renders[path].append(float(done.stdout.split()[-1]))
        value = median(command)
        rows.append(
            Row(
                "6",
                f"export --format {fmt_name}, 1,000 items (whole command)",
                value,
                None,
                "s",
                f"≤ {limit:.0f} s",
                value is not None and value <= limit,
            )
        )
        rows.append(
            _scaling_row(f"export {fmt_name} render: 10,000 vs 1,000 items", renders[big], renders[medium])
        )
    return rows


def _scaling_row(what: str, big: list[float], small: list[float]) -> Row:
    """10x the items: the time ratio, which a quadratic step would push towards 100."""
    b, s = median(big), median(small)
    r = b / s if b is not None and s else None
    return Row("6", what + " (10× items)", b, s, "s", "≤ 15× (linear)", None if r is None else r <= 15, r)


def measure_scaling(runs: int, medium: Path, big: Path, work: Path) -> list[Row]:
    """No quadratic step in the core: validate and set at 1,000 and 10,000 items."""
    rows = []
    for name, make in (
        ("validate", lambda p: ita("validate", str(p))),
        ("set", None),
    ):
        times: dict[Path, list[float]] = {medium: [], big: []}
        for round_ in range(runs):
            log(f"  scaling {name} round {round_ + 1}/{runs}")
            for path in (medium, big):
                if make is None:
                    copy = work / f"scale-{path.name}"
                    if round_ == 0:
                        shutil.copyfile(path, copy)
                    status = "done" if round_ % 2 == 0 else "in-progress"
                    cmd = ita("set", str(copy), "U001-O5", "--status", status)
                else:
                    cmd = make(path)
                times[path].append(run_once(cmd, cwd=work).seconds)
        rows.append(_scaling_row(f"{name}: 10,000 vs 1,000 items", times[big], times[medium]))
    return rows


def check_imports(big: Path, work: Path) -> list[Row]:
    """validate, set and export must not import Textual."""
    rows = []
    copy = work / "imports.toml"
    shutil.copyfile(BUNDLED, copy)
    for name, args in (
        ("validate", ["validate", str(copy)]),
        ("set", ["set", str(copy), "M1", "--status", "done"]),
        ("export json", ["export", str(copy), "--format", "json", "-o", "-"]),
        ("export text", ["export", str(copy), "--format", "text", "-o", "-"]),
    ):
        code = (
            "import sys, runpy\n"
            f"sys.argv = ['ita-tui', *{args!r}]\n"
            "try:\n    runpy.run_module('ita_tui', run_name='__main__')\n"
            "except SystemExit:\n    pass\n"
            "sys.stderr.write('TEXTUAL' if 'textual' in sys.modules else 'CLEAN')\n"
        )
        done = subprocess.run([PY, "-c", code], cwd=work, capture_output=True, text=True, check=False)
        clean = done.stderr.endswith("CLEAN")
        rows.append(Row("-", f"`{name}` does not import Textual", None, None, "", "no textual", clean))
    return rows


def measure_summary(runs: int, work: Path) -> list[Row]:
    """Issue 17: `show` and `export --format text` of the bundled checklist vs Rich printing a table.

    The baseline (bench/baseline_rich.py) reads the same file's titles with tomllib and
    prints them in a ``rich.table.Table``: what a summary costs with nothing of ita-tui's.
    Peak RSS of `show` is held to what it was with pythainlp (SHOW_RSS_BEFORE_MIB).
    """
    commands = {
        "baseline": [PY, str(HERE / "baseline_rich.py"), str(BUNDLED)],
        "show": ita("show", str(BUNDLED), "--width", "100"),
        "export text": ita("export", str(BUNDLED), "--format", "text", "-o", "-"),
    }
    samples: dict[str, list[Sample]] = {name: [] for name in commands}
    for round_ in range(runs):
        log(f"  summary round {round_ + 1}/{runs}")
        for name, command in commands.items():
            samples[name].append(run_once(command, cwd=work))
    base = [s.seconds for s in samples["baseline"]]
    rows = [
        ratio_row("7", f"{name}, bundled checklist vs Rich table of its titles", times, base, "s", 2.0)
        for name in ("show", "export text")
        for times in [[s.seconds for s in samples[name]]]
    ]
    rss = [s.rss_mib for s in samples["show"]]
    row = ratio_row(
        "7", "peak RSS of show, bundled, vs before (pythainlp)", rss, [SHOW_RSS_BEFORE_MIB], "MiB", 1.0
    )
    row.note = f"n={len(rss)}; {min(rss):.0f}–{max(rss):.0f} MiB; before: measured 2026-12-01, 100–102 MiB"
    rows.append(row)
    return rows


# Peak RSS of `ita-tui show checklists/fy2566.toml` before issue 17, with pythainlp's
# trie (measured 2026-12-01 on the bench machine: 100–102 MiB in three runs).
SHOW_RSS_BEFORE_MIB = 102.0


def measure_long_notes(runs: int, work: Path) -> list[Row]:
    """Issue 21: `show` and every export with a note of 20,000 and of 200,000 characters.

    The whole command, as a person waits for it: time linear in the note gives at most
    10× (less, as start-up is fixed), quadratic steps give 100×; the limit is 12×.  Notes
    are varied Thai prose (bench/generate.py), so the wrapper's caches do not hide the cost
    of segmenting them.  (Render time alone, measured in process, is not used: under
    ~10 ms it is dominated by the CPU's caches, which a 20,000-character note fits in.)
    """
    from generate import generate_with_note

    sys.path.insert(0, str(ROOT))
    from ita_tui.exports.registry import FORMATS

    files = {}
    for chars in (20_000, 200_000):
        files[chars] = work / f"note-{chars}.toml"
        files[chars].write_text(generate_with_note(chars), encoding="utf-8")
    rows = []
    for fmt_name in ("show", *FORMATS):
        times: dict[int, list[float]] = {20_000: [], 200_000: []}
        for round_ in range(runs):
            log(f"  long note, {fmt_name}, round {round_ + 1}/{runs}")
            for chars, path in files.items():
                if fmt_name == "show":
                    command = ita("show", str(path), "--width", "100")
                else:
                    command = ita("export", str(path), "--format", fmt_name, "-o", "-")
                times[chars].append(run_once(command, cwd=work).seconds)
        command_name = fmt_name if fmt_name == "show" else f"export {fmt_name}"
        row = ratio_row(
            "8",
            f"{command_name}: note of 200,000 vs 20,000 characters",
            times[200_000],
            times[20_000],
            "s",
            12,
        )
        row.limit = "≤ 12× (linear)"
        rows.append(row)
    return rows


def measure_install(work: Path) -> list[Row]:
    """Issue 17: what Thai word breaking adds to a fresh `pip install .` (at most 10 MB).

    A fresh venv, ``pip install <this tree>`` with its dependencies as a user gets them;
    the Thai part is ita_tui/newmm.py and ita_tui/data/ (with their .pyc), pythainlp's
    67 MB before.  The whole site-packages is shown for information.
    """
    venv = work / "install-venv"
    subprocess.run([PY, "-m", "venv", str(venv)], check=True)
    python = venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    log("  pip install . into a fresh venv …")
    subprocess.run(
        [str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check", str(ROOT)],
        check=True,
        capture_output=True,
    )
    site = Path(
        subprocess.run(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    )
    package = site / "ita_tui"
    thai = [package / "newmm.py", *(package / "data").rglob("*")]
    thai += list((package / "__pycache__").glob("newmm.*"))
    thai_mb = sum(path.stat().st_size for path in thai if path.is_file()) / 1e6
    total_mb = sum(path.stat().st_size for path in site.rglob("*") if path.is_file()) / 1e6
    pythainlp = (site / "pythainlp").exists()
    return [
        Row("7", "install: added by Thai word breaking (fresh venv)", thai_mb, None, "MB", "≤ 10 MB",
            thai_mb <= 10 and not pythainlp, note="pythainlp installed!" if pythainlp else ""),
        Row("7", "install: site-packages of `pip install .` (info)", total_mb, None, "MB", "info", None),
    ]  # fmt: skip


def machine() -> str:
    cpu = platform.processor() or "?"
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    return (
        f"{os.cpu_count()} CPUs (nproc {len(os.sched_getaffinity(0))}), {cpu}, "
        f"Python {platform.python_version()}, {platform.system()} {platform.release()}"
    )


SECTIONS = ("cli", "startup", "app", "exports", "scaling", "imports", "summary", "long", "install")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Run every performance measurement with its baseline.")
    parser.add_argument("--runs", type=int, default=5, help="runs of each measurement (median; at least 5)")
    parser.add_argument("--items", type=int, default=10_000, help="items of the big checklist")
    parser.add_argument(
        "--only", default=",".join(SECTIONS), help=f"comma-separated subset of {', '.join(SECTIONS)}"
    )
    parser.add_argument("--markdown", action="store_true", help="print the table as Markdown")
    args = parser.parse_args(argv)
    only = set(args.only.split(","))
    unknown = only - set(SECTIONS)
    if unknown:
        parser.error(f"unknown sections: {', '.join(sorted(unknown))}")
    if args.runs < 5:
        log("note: fewer than 5 runs: the targets ask for medians of at least 5")

    _Launcher.start()
    log("generating checklists (seeded) …")
    big = generate_file(OUT / f"checklist-{args.items}.toml", args.items)
    medium = generate_file(OUT / "checklist-1000.toml", 1000)
    log(f"  {big.name}: {big.stat().st_size / 1e6:.1f} MB")

    subprocess.run([PY, "-m", "compileall", "-q", str(ROOT / "ita_tui"), str(HERE)], check=True)
    rows: list[Row] = []
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="ita-bench-") as folder:
        work = Path(folder)
        validate_median = None
        if "cli" in only or "app" in only:
            log("targets 2, 3, 5: command line on the big checklist …")
            cli_rows, samples = measure_cli(args.runs, big, work)
            validate_median = median([s.seconds for s in samples["validate"]])
            if "cli" in only:
                rows += cli_rows
        if "startup" in only:
            log("target 1: start-up …")
            rows += measure_startup(args.runs, work)
        if "app" in only:
            log("target 4: the app with the big checklist …")
            rows += measure_app_big(args.runs, big, work, validate_median)
        if "exports" in only:
            log("target 6: exports …")
            rows += measure_exports(args.runs, medium, big, work)
        if "scaling" in only:
            log("target 6: scaling of the core …")
            rows += measure_scaling(args.runs, medium, big, work)
        if "imports" in only:
            rows += check_imports(big, work)
        if "summary" in only:
            log("issue 17: show and the text export of the bundled checklist …")
            rows += measure_summary(args.runs, work)
        if "long" in only:
            log("issue 21: long notes …")
            rows += measure_long_notes(args.runs, work)
        if "install" in only:
            log("issue 17: install size …")
            rows += measure_install(work)
    _Launcher.stop()
    rows.sort(key=lambda row: row.target)
    print(f"machine: {machine()}")
    print(
        f"big checklist: {args.items} items, {big.stat().st_size / 1e6:.1f} MB; runs: {args.runs}; "
        f"took {time.perf_counter() - started:.0f} s"
    )
    print()
    print_table(rows, args.markdown)
    failed = [row for row in rows if row.passed is False]
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
