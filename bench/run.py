"""Every measurement of the performance issue, each beside its baseline, in one run.

    python bench/run.py                 # all targets, 5 runs each (about 3-4 minutes)
    python bench/run.py --runs 7 --only cli,memory
    python bench/run.py --markdown      # the table as Markdown, for docs/performance.md

Only Python is needed: each measurement is a subprocess timed with
``time.perf_counter`` (its peak RSS from ``os.wait4``), the subject and its
baseline alternate run by run so that both see the same machine, and the
table shows medians.  The app runs under a pseudo-terminal (120x40), exactly as
a person starts it; its "first full frame" is the last output before the
screen goes quiet once the marker text (an item id; for the baseline, the last
tree node) has been drawn, or its exit when it honours
``ITA_TUI_EXIT_AFTER_FIRST_FRAME=1``.  Key latencies are measured the same
way: key written to the terminal → last byte of the repaint.

Generated checklists go to bench/out/ (git-ignored); the generator is seeded,
so every run measures the same files.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import fcntl
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

# -- running things -------------------------------------------------------------


@dataclass
class Sample:
    seconds: float
    rss_mib: float
    code: int


def run_once(cmd: Sequence[str], *, cwd: Path | None = None, env: dict[str, str] | None = None) -> Sample:
    """Run *cmd* to the end; its wall time and its own peak RSS (not the bench's)."""
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        process = subprocess.Popen(
            list(cmd), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=errors, cwd=cwd, env=env
        )
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
        process.returncode = code = os.waitstatus_to_exitcode(status)
        if code != 0:
            errors.seek(0)
            raise RuntimeError(
                f"{' '.join(cmd)} exited {code}: {errors.read().decode(errors='replace')[-2000:]}"
            )
    return Sample(elapsed, usage.ru_maxrss / 1024, code)


@dataclass
class PtyRun:
    """One app run under a pseudo-terminal."""

    first_frame: float | None = None  # seconds from start to the settled first frame
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
            got = self.read(quiet if (seen and last is not None) else 0.05)
            if got is not None:
                last = got
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
        return f"{value:.2f} s"
    if unit == "MiB":
        return f"{value:.0f} MiB"
    return f"{value:.2f}"


def ratio_row(
    target: str, what: str, subject: list[float], baseline: list[float], unit: str, limit: float
) -> Row:
    s, b = median(subject), median(baseline)
    r = s / b if s is not None and b else None
    return Row(target, what, s, b, unit, f"≤ {limit}×", None if r is None else r <= limit, r)


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


def measure_startup(runs: int) -> list[Row]:
    """Target 1: `ita-tui FILE` on the bundled checklist vs the minimal Textual app."""
    ours: list[float] = []
    base: list[float] = []
    notes = []
    for round_ in range(runs):
        log(f"  start-up round {round_ + 1}/{runs}")
        b = run_app([PY, str(HERE / "baseline_app.py")], b"Node 19")
        o = run_app(ita(str(BUNDLED)), b"M6")
        if b.first_frame is not None:
            base.append(b.first_frame)
        if o.first_frame is not None:
            ours.append(o.first_frame)
        else:
            notes.append(o.note)
    row = ratio_row("1", "ita-tui FILE (bundled) first frame vs minimal app", ours, base, "s", 1.15)
    if notes:
        row.note = notes[0][:160]
    return [row]


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
        if result.first_frame is None:
            notes.append(result.note)
            continue
        frames.append(result.first_frame)
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
            "app, 10k items: navigator drawn vs `validate` (target 2)",
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


SECTIONS = ("cli", "startup", "app", "exports", "scaling", "imports")


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

    log("generating checklists (seeded) …")
    big = generate_file(OUT / f"checklist-{args.items}.toml", args.items)
    medium = generate_file(OUT / "checklist-1000.toml", 1000)
    log(f"  {big.name}: {big.stat().st_size / 1e6:.1f} MB")

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
            rows += measure_startup(args.runs)
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
