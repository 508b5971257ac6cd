"""Mutation testing of the core: does the suite notice when the code is wrong?

Run before a release (it takes minutes a module, not seconds; it is not part of the suite)::

    python tools/mutate.py                        # every core module
    python tools/mutate.py ita_tui/saving.py      # one module
    python tools/mutate.py --sample 40 --seed 1 --jobs 2 --json out.json ita_tui/thai.py
    python tools/mutate.py --again out.json --json out.json   # its survivors only, once tests are added
    python tools/mutate.py --table .mutation/run-*.json       # the figures, as docs/mutation.md shows them

How it works (docs/mutation.md says more):

1. The suite (without the app's tests) runs once under ``coverage`` with one
   context a test, so that every line of the core knows the tests that run it,
   and with each test's duration (``.mutation/``).  ``--measure TEST_FILE``
   adds new tests to it; ``--fresh`` measures everything again, as it must
   once the code has changed (coverage knows lines by number).
2. Each mutation point of a module is found on its syntax tree
   (:mod:`mutants`: operators and comparisons turned, numbers moved by one, a
   ``not`` dropped, a return value or a call removed).
3. Only the tests that run a mutant's line are run against it, fastest first,
   stopping at the first failure (:mod:`mutant_runs`: in forked children for
   speed; what a fork cannot settle, in a fresh copy of the project).  A
   failing run kills the mutant; a passing run, or no test running the line,
   lets it survive.

A survivor is a missing test (write it) or an *equivalent* mutant, one that
cannot change what the program does: those are listed, each with its reason,
in docs/mutation.md, and the figures count killed mutants out of the others.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path

from mutant_runs import (
    Change,
    Reimport,
    Run,
    change_for,
    fork_available,
    run_copy,
    run_forked,
    warm_up,
)
from mutants import ROOT, Mutant, cached_scopes, mutants_of

WORK = ROOT / ".mutation"
OUTSIDE = "(outside any test)"
EQUIVALENTS = ROOT / "docs" / "mutation.md"
COPY_START = 120.0  # seconds a copy of the project may take to start, on top of its tests' limit

# The core as issue 20 names it (saving and the file system under it, merge, scoring, the schema
# and loader, Thai text with its word list, the importers, toml_spans, the exporters, the model):
# pure modules, no Textual. The app is tested through Pilot and snapshots, too slow a mutant.
CORE = [
    "ita_tui/saving.py",
    "ita_tui/plan.py",
    "ita_tui/record.py",
    "ita_tui/file_edit.py",
    "ita_tui/toml_write.py",
    "ita_tui/tomlkit_edit.py",
    "ita_tui/save_worker.py",
    "ita_tui/fs/atomic.py",
    "ita_tui/fs/locking.py",
    "ita_tui/fs/platform.py",
    "ita_tui/fs/messages.py",
    "ita_tui/merge.py",
    "ita_tui/scoring.py",
    "ita_tui/schema.py",
    "ita_tui/checklist_file.py",
    "ita_tui/thai.py",
    "ita_tui/newmm.py",
    "ita_tui/importer.py",
    "ita_tui/importing/docx_reader.py",
    "ita_tui/importing/xlsx_reader.py",
    "ita_tui/toml_spans.py",
    "ita_tui/model.py",
    "ita_tui/edits.py",
    "ita_tui/exports/choice.py",
    "ita_tui/exports/csv_format.py",
    "ita_tui/exports/destination.py",
    "ita_tui/exports/docx_format.py",
    "ita_tui/exports/docx_table.py",
    "ita_tui/exports/eml.py",
    "ita_tui/exports/html.py",
    "ita_tui/exports/json_format.py",
    "ita_tui/exports/layout.py",
    "ita_tui/exports/left_summary.py",
    "ita_tui/exports/markdown.py",
    "ita_tui/exports/office.py",
    "ita_tui/exports/options.py",
    "ita_tui/exports/registry.py",
    "ita_tui/exports/summary.py",
    "ita_tui/exports/terminal.py",
    "ita_tui/exports/text.py",
    "ita_tui/exports/xlsx_format.py",
]


@dataclass
class Outcome:
    """What the suite made of a mutant."""

    mutant: Mutant
    killed: bool
    tests: int  # how many tests ran it (0: no test covers the line)
    equivalent: bool = False  # listed in docs/mutation.md as unable to change behaviour
    by: str | None = None  # the test that killed it
    detail: str = ""


# -- which tests run which line, and how long they take ------------------------------------------


def measure(name: str, tests: list[str]) -> None:
    """Run *tests* under coverage, one context a test, into ``.mutation/NAME.coverage`` (and their times)."""
    WORK.mkdir(exist_ok=True)
    rc = WORK / "coveragerc"
    rc.write_text("[run]\nsource = ita_tui\nparallel = false\nomit = ita_tui/app/*\n", encoding="utf-8")
    data_file = WORK / f"{name}.coverage"
    # One process (no xdist); a context a test, its fixtures included (tools/coverage_contexts.py).
    cmd = [sys.executable, "-m", "coverage", "run", f"--rcfile={rc}", f"--data-file={data_file}"]
    cmd += ["-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:xdist", "-p", "coverage_contexts"]
    cmd += tests
    cmd += [f"--junitxml={WORK / f'{name}.times.xml'}"]
    print("coverage:", " ".join(cmd[2:]), flush=True)
    data_file.unlink(missing_ok=True)
    tools = os.pathsep.join(filter(None, [str(ROOT / "tools"), os.environ.get("PYTHONPATH")]))
    env = dict(os.environ, PYTHONPATH=tools)
    subprocess.run(cmd, cwd=ROOT, env=env, check=False)


def collect_coverage() -> dict[str, dict[int, set[str]]]:
    """module → line → test node ids that run it, from the suite's run under coverage (made once)
    and those of test files measured since (``--measure``)."""
    if not (WORK / "suite.coverage").exists():
        measure("suite", ["--ignore=tests/app"])
    from coverage import CoverageData

    result: dict[str, dict[int, set[str]]] = {}
    for data_file in sorted(WORK.glob("*.coverage")):
        data = CoverageData(basename=str(data_file))
        data.read()
        for path in data.measured_files():
            lines = result.setdefault(_relative(path), {})
            for line, contexts in data.contexts_by_lineno(path).items():
                tests = lines.setdefault(line, set())
                tests.update(filter(None, contexts))
                if "" in contexts:  # run outside any test (at import, collecting)
                    tests.add(OUTSIDE)
    return result


def _relative(path: str) -> str:
    """*path* relative to the project, also when the data was measured in another checkout of it."""
    parts = Path(path).parts
    return "/".join(parts[len(parts) - 1 - parts[::-1].index("ita_tui") :])


def _node_id(dotted: str) -> str | None:
    """A test's node id from JUnit's dotted name ("tests.test_x.test_name", "...Class.test_name")."""
    parts = dotted.split(".")
    for base in (ROOT, ROOT / "tests"):
        for cut in range(len(parts), 0, -1):
            path = base.joinpath(*parts[:cut]).with_suffix(".py")
            if path.exists():
                return "::".join([path.relative_to(ROOT).as_posix(), *parts[cut:]])
    return None


def test_durations() -> dict[str, float]:
    """Seconds each test function took in the coverage run (all its parameters together)."""
    times: dict[str, float] = {}
    reports = [ElementTree.parse(report) for report in WORK.glob("*.times.xml")]
    for case in (case for report in reports for case in report.iter("testcase")):
        node = _node_id(f"{case.get('classname', '')}.{case.get('name', '').split('[')[0]}")
        if node:
            seconds = float(case.get("time") or 0)
            # Per test, and per file: a line run only at import is tested by whole files.
            for key in (node, node.split("::")[0]):
                times[key] = times.get(key, 0.0) + seconds
    return times


def tests_naming(module: str) -> set[str]:
    """Test files (not the app's) that name *module*: for lines only a subprocess reaches."""
    dotted = module.removesuffix(".py").replace("/", ".")
    package, short = dotted.rsplit(".", 1)
    # "ita_tui.fs.platform", or "from ita_tui.fs import atomic, platform" (not the stdlib's platform).
    imported = re.compile(rf"^from {re.escape(package)} import .*\b{short}\b", re.MULTILINE)
    found = set()
    for path in (ROOT / "tests").glob("test_*.py"):
        text = path.read_text(encoding="utf-8")
        if dotted in text or imported.search(text):
            found.add(path.relative_to(ROOT).as_posix())
    return found


# -- equivalent mutants ---------------------------------------------------------------------------

# docs/mutation.md lists each as: - `module` · `scope` · `line as written` · `change` — why
_EQUIVALENT = re.compile(r"^- `([^`]+)` · `([^`]+)` · `([^`]+)` · `([^`]+)` — \S")


def equivalents() -> set[tuple[str, str, str, str]]:
    """The mutants docs/mutation.md judges equivalent: (module, scope, line, change)."""
    if not EQUIVALENTS.exists():
        return set()
    found = set()
    for line in EQUIVALENTS.read_text(encoding="utf-8").splitlines():
        match = _EQUIVALENT.match(line)
        if match:
            found.add((match[1], match[2], match[3], match[4]))
    return found


def _key(mutant: Mutant) -> tuple[str, str, str, str]:
    return (mutant.module, mutant.scope or "-", mutant.text, mutant.change)


# -- running ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Plan:
    """A mutant, the tests to run against it (fastest first) and how long they may take."""

    mutant: Mutant
    ids: list[str]
    timeout: float
    at_import: bool  # the line also runs outside any test


def _plan(
    mutant: Mutant, coverage: dict[str, dict[int, set[str]]], times: dict[str, float], cap: float
) -> _Plan:
    # A line no in-process test runs may still be run by a test's subprocess (the CLI, a kill -9).
    covered = coverage.get(mutant.module, {}).get(mutant.line, set())
    tests = (covered - {OUTSIDE}) or tests_naming(mutant.module)
    if OUTSIDE in covered or mutant.scope in cached_scopes(mutant.module):
        # What the import computed (a table, a band), or a cached body, serves every test that
        # uses the module, not only those that happened to run the line themselves.
        tests = tests | tests_naming(mutant.module)
    # Parametrised tests share one context: run the function with all its parameters.
    ids = sorted({t.split("[")[0] for t in tests}, key=lambda t: (times.get(t, 1.0), t))
    # Four times what the tests took when measured (under load already): a looping mutant is endless.
    timeout = min(cap, 60 + 4 * sum(times.get(t, 1.0) for t in ids))
    return _Plan(mutant, ids, timeout, at_import=OUTSIDE in covered)


def run_all(plans: list[_Plan], jobs: int, use_fork: bool, say: bool = True) -> list[Outcome]:
    """Run every plan: in forked children where they can, then by copy what a fork cannot settle."""
    done: dict[int, Outcome] = {}
    for key, plan in enumerate(plans):
        if not plan.ids:
            done[key] = Outcome(plan.mutant, killed=False, tests=0, detail="no test runs this line")
    todo = [key for key in range(len(plans)) if key not in done]
    forked: dict[int, Run] = {}
    if use_fork and fork_available() and todo:
        warm_up({t.split("::")[0] for key in todo for t in plans[key].ids})
        changes = {key: change_for(plans[key].mutant, plans[key].at_import) for key in todo}
        forked = run_forked([(k, changes[k], plans[k].ids, plans[k].timeout) for k in changes], jobs)
        for key, run in _trusted(forked, changes, jobs).items():
            how = "fork, fresh import" if _fresh(changes[key]) else "fork"
            done[key] = _outcome(plans[key], run, how)
            _say(done[key], say)
    rest = [key for key in todo if key not in done]

    def by_copy(key: int) -> tuple[int, Outcome]:
        plan = plans[key]
        ids = plan.ids
        survived = forked.get(key)
        if survived is not None and survived.usable and not survived.failed:
            # The others passed with the mutant in the fork already: only what ran a process is left.
            ids = [t for t in ids if t in survived.spawned]
        # A copy first starts Python and imports everything (40 s or more under load): not the tests' time.
        outcome = _outcome(plan, run_copy(plan.mutant, ids, plan.timeout + COPY_START), "copy")
        _say(outcome, say)
        return key, outcome

    with ThreadPoolExecutor(max_workers=jobs) as pool:
        done.update(pool.map(by_copy, rest))
    return [done[key] for key in range(len(plans))]


def _trusted(forked: dict[int, Run], changes: dict[int, Change], jobs: int) -> dict[int, Run]:
    """The forked runs a copy would not contradict: kills whose failing test passes in a fork made
    the same way without the mutant, and survivals where no test started a process."""
    killers = sorted(
        {(run.test, _fresh(changes[key])) for key, run in forked.items() if run.failed and run.test}
    )
    clean: list[tuple[int, Change, list[str], float]] = [
        (i, Reimport() if fresh else None, [test], 600.0) for i, (test, fresh) in enumerate(killers)
    ]
    checks = run_forked(clean, jobs)
    sound = {killer for i, killer in enumerate(killers) if checks[i].usable and not checks[i].failed}
    trusted = {}
    for key, run in forked.items():
        if run.usable and (
            run.timed_out
            or (run.failed and (run.test, _fresh(changes[key])) in sound)
            or not (run.failed or run.spawned)
        ):
            trusted[key] = run
    return trusted


def _fresh(change: Change) -> bool:
    return isinstance(change, Reimport)


def _outcome(plan: _Plan, run: Run, how: str) -> Outcome:
    detail = f"{run.detail or how}, {run.seconds:.1f} s"
    return Outcome(plan.mutant, killed=run.failed, tests=len(plan.ids), by=run.test, detail=detail)


def _say(outcome: Outcome, say: bool) -> None:
    if say:
        m = outcome.mutant
        mark = "killed  " if outcome.killed else "SURVIVED"
        print(f"{mark} {m.module}:{m.line} #{m.index} {m.change}  [{outcome.detail}]", flush=True)


def _select(mutants: list[Mutant], sample: int | None, seed: int) -> list[Mutant]:
    """All of *mutants*, or *sample* of each module's, chosen at random (reproducibly, by *seed*)."""
    if sample is None:
        return mutants
    chosen: list[Mutant] = []
    for module in dict.fromkeys(m.module for m in mutants):
        own = [m for m in mutants if m.module == module]
        chosen += own if sample >= len(own) else random.Random(f"{seed}:{module}").sample(own, sample)
    return sorted(chosen, key=lambda m: (m.module, m.index))


def _found_again(wanted: list[Mutant], mutants: list[Mutant]) -> list[Mutant]:
    """The mutants of *mutants* that are *wanted*: by what they change, and where two change one
    line alike (``0 < i < n``), by their number first."""
    left = Counter(_key(m) for m in wanted)
    numbered = {(_key(m), m.index) for m in wanted}
    chosen = [m for m in mutants if (_key(m), m.index) in numbered]
    left.subtract(_key(m) for m in chosen)
    for m in mutants:
        if left[_key(m)] > 0 and m not in chosen:
            chosen.append(m)
            left[_key(m)] -= 1
    return sorted(chosen, key=lambda m: (m.module, m.index))


def _undecided(outcome: Outcome) -> bool:
    """A survivor, or a kill by time-out (a loaded machine's slow tests, perhaps)."""
    return not outcome.killed or "timed out" in outcome.detail


def _earlier(path: Path) -> list[Outcome]:
    """The outcomes an earlier run wrote with ``--json``."""
    found = json.loads(path.read_text(encoding="utf-8"))
    return [Outcome(**{**o, "mutant": Mutant(**o["mutant"])}) for o in found]


# -- the report ----------------------------------------------------------------------------------


def _report(outcomes: list[Outcome], listed: set[tuple[str, str, str, str]]) -> Iterator[str]:
    by_module: dict[str, list[Outcome]] = {}
    for outcome in outcomes:
        by_module.setdefault(outcome.mutant.module, []).append(outcome)
    totals = [0, 0, 0]
    for module, items in sorted(by_module.items()):
        killed = sum(o.killed and not o.equivalent for o in items)
        equivalent = sum(o.equivalent for o in items)
        counted = len(items) - equivalent
        totals = [totals[0] + killed, totals[1] + counted, totals[2] + equivalent]
        yield f"{module}: {killed}/{counted} killed ({_percent(killed, counted)}), {equivalent} equivalent"
        for o in items:
            m = o.mutant
            if o.killed and not o.equivalent and _key(m) in listed:
                yield f"  killed though listed as equivalent (drop it from docs/mutation.md): {_name(m)}"
            elif not o.killed and not o.equivalent:
                yield f"  survived {m.module}:{m.line} #{m.index}: {m.change}  [{o.detail}]"
                yield f"    - `{m.module}` · `{m.scope or '-'}` · `{m.text}` · `{m.change}` — (why)"
    if totals[1] or totals[2]:
        rate = _percent(totals[0], totals[1])
        yield f"total: {totals[0]}/{totals[1]} killed ({rate}), {totals[2]} equivalent"


def table(outcomes: list[Outcome], listed: set[tuple[str, str, str, str]]) -> Iterator[str]:
    """The figures as a Markdown table, a row a module and one for all (docs/mutation.md)."""
    yield "| module | mutants tried | killed | of which by time-out | equivalent | survived | kill rate |"
    yield "|---|--:|--:|--:|--:|--:|--:|"
    by_module: dict[str, list[Outcome]] = {}
    for outcome in outcomes:
        by_module.setdefault(outcome.mutant.module, []).append(outcome)
    rows = [(module, by_module[module]) for module in sorted(by_module)] + [("**all**", outcomes)]
    for module, items in rows:
        counts = Counter(_verdict(o, listed) for o in items)
        killed = counts["killed"] + counts["timed out"]
        survived, equivalent, timed_out = counts["survived"], counts["equivalent"], counts["timed out"]
        rate = _percent(killed, killed + survived)
        yield f"| {module} | {len(items)} | {killed} | {timed_out} | {equivalent} | {survived} | {rate} |"


def _verdict(outcome: Outcome, listed: set[tuple[str, str, str, str]]) -> str:
    # A time-out says nothing of a mutant judged unable to change anything: it was slowness.
    if _undecided(outcome) and _key(outcome.mutant) in listed:
        return "equivalent"
    if outcome.killed:
        return "timed out" if "timed out" in outcome.detail else "killed"
    return "survived"


def _percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "-"


def _name(m: Mutant) -> str:
    return f"{m.module}:{m.line} {m.change}"


def main(argv: list[str] | None = None) -> int:
    """Run the mutants of the chosen modules; print survivors and the kill rate."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("modules", nargs="*", default=CORE, help="modules to mutate (default: the core)")
    parser.add_argument("--sample", type=int, help="run this many mutants of each module, chosen at random")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--timeout", type=float, default=900, help="most seconds for one mutant's tests")
    parser.add_argument("--no-fork", action="store_true", help="run every mutant in a copy of the project")
    parser.add_argument("--list", action="store_true", help="only list the mutation points")
    parser.add_argument("--fresh", action="store_true", help="measure the suite's coverage again")
    parser.add_argument("--measure", action="append", default=[], metavar="TEST", help="add its coverage")
    parser.add_argument("--json", type=Path, help="write every outcome here")
    parser.add_argument(
        "--again", type=Path, metavar="JSON", help="run only the survivors of this --json output again"
    )
    parser.add_argument(
        "--table", type=Path, nargs="+", metavar="JSON", help="only print the figures of these --json outputs"
    )
    args = parser.parse_args(argv)
    if args.table:
        for line in table([o for path in args.table for o in _earlier(path)], equivalents()):
            print(line)
        return 0
    earlier = _earlier(args.again) if args.again else None
    modules = sorted({o.mutant.module for o in earlier}) if earlier else args.modules
    mutants = [m for module in modules for m in mutants_of(module)]
    if args.list:
        for m in mutants:
            print(f"{m.module}:{m.line} #{m.index} [{m.scope or '-'}]: {m.change}")
        print(f"{len(mutants)} mutants")
        return 0
    if args.fresh:
        shutil.rmtree(WORK, ignore_errors=True)
    for test_file in args.measure:
        measure(Path(test_file).stem, [test_file])
    coverage = collect_coverage()
    times = test_durations()
    listed = equivalents()
    if earlier is None:
        chosen = _select(mutants, args.sample, args.seed)
    else:
        # Found again by what they change, not by line: a test added since may have moved nothing,
        # but a fix to the module would have.  Kills by time-out stand (the table counts them apart):
        # trying them again means copies of the project, minutes each.
        again = {_key(o.mutant) for o in earlier if not o.killed} - listed
        chosen = _found_again([o.mutant for o in earlier if _key(o.mutant) in again], mutants)
    print(f"{len(chosen)} of {len(mutants)} mutants, {args.jobs} at a time", flush=True)
    plans = [_plan(m, coverage, times, args.timeout) for m in chosen]
    outcomes = run_all(plans, args.jobs, use_fork=not args.no_fork)
    if earlier is not None:
        kept = [o for o in earlier if _key(o.mutant) not in again]
        outcomes = sorted(kept + outcomes, key=lambda o: (o.mutant.module, o.mutant.index))
    for outcome in outcomes:
        outcome.equivalent = _verdict(outcome, listed) == "equivalent"
    for line in _report(outcomes, listed):
        print(line)
    if args.json:
        args.json.write_text(json.dumps([asdict(o) for o in outcomes], ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
