"""Mutation testing of the core: does the suite notice when the code is wrong?

Run before a release (it takes minutes, not seconds; it is not part of the suite)::

    python tools/mutate.py                      # every core module
    python tools/mutate.py ita_tui/saving.py    # one module
    python tools/mutate.py --sample 150 --seed 1 --jobs 2 --json out.json

How it works:

1. The whole suite runs once under ``coverage`` with one context a test, so that
   every line of the core knows the tests that run it (``.mutation/coverage``).
2. Each mutation point of a module is found on its syntax tree: a comparison
   turned around (``<`` for ``<=``, ``==`` for ``!=``, ``in`` for ``not in``), an
   arithmetic or boolean operator swapped, a ``not`` dropped, a number moved by
   one, ``True`` for ``False``, a returned value replaced by ``None``, a call made
   for its effect (``os.fsync(fd)``) removed.
3. Each mutant is written into a copy of the project and only the tests that
   run its line are run against it (``pytest -x``).  A failing run kills it; a
   passing run, or no test running the line at all, lets it survive.

Survivors are listed with their line and what was changed.  A survivor is either
a missing test (write it) or an *equivalent* mutant, one that cannot change what
the program does (say why in docs/mutation.md).  Lines marked
``# pragma: no mutate`` are left alone.
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
WORK = ROOT / ".mutation"

# The pure core: what the issue tracker calls "the core". The app is tested through Pilot and
# snapshots, which are too slow to run once a mutant.
CORE = [
    "ita_tui/saving.py",
    "ita_tui/merge.py",
    "ita_tui/scoring.py",
    "ita_tui/schema.py",
    "ita_tui/thai.py",
    "ita_tui/importer.py",
    "ita_tui/toml_spans.py",
    "ita_tui/model.py",
    "ita_tui/edits.py",
    "ita_tui/checklist_file.py",
    "ita_tui/exports/summary.py",
    "ita_tui/exports/text.py",
    "ita_tui/exports/markdown.py",
    "ita_tui/exports/html.py",
    "ita_tui/exports/csv_format.py",
    "ita_tui/exports/json_format.py",
    "ita_tui/exports/destination.py",
]

# The replacement classes are typed loosely: an operator node takes an operator of its own kind.
SWAPS: dict[type[ast.AST], Any] = {
    ast.Lt: ast.LtE,
    ast.LtE: ast.Lt,
    ast.Gt: ast.GtE,
    ast.GtE: ast.Gt,
    ast.Eq: ast.NotEq,
    ast.NotEq: ast.Eq,
    ast.In: ast.NotIn,
    ast.NotIn: ast.In,
    ast.Is: ast.IsNot,
    ast.IsNot: ast.Is,
    ast.Add: ast.Sub,
    ast.Sub: ast.Add,
    ast.Mult: ast.Div,
    ast.Div: ast.Mult,
    ast.FloorDiv: ast.Div,
    ast.And: ast.Or,
    ast.Or: ast.And,
}


@dataclass(frozen=True)
class Mutant:
    """One change to one module: where, what, and the index of its mutation point."""

    module: str
    index: int
    line: int
    change: str


@dataclass
class Outcome:
    """What the suite made of a mutant."""

    mutant: Mutant
    killed: bool
    tests: int  # how many tests ran it (0: no test covers the line)
    detail: str = ""


def _skipped_lines(source: str) -> set[int]:
    return {n for n, line in enumerate(source.splitlines(), 1) if "pragma: no mutate" in line}


def _annotation_nodes(tree: ast.AST) -> set[int]:
    """ids of nodes inside annotations and TYPE_CHECKING blocks: changing them changes nothing."""
    skip: set[int] = set()
    for node in ast.walk(tree):
        parts: list[ast.AST | None] = []
        if isinstance(node, (ast.AnnAssign, ast.arg)):
            parts.append(node.annotation)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            parts.append(node.returns)
        elif isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            parts.extend(node.body)
        for part in parts:
            if part is not None:
                skip.update(id(sub) for sub in ast.walk(part))
    return skip


def _docstrings(tree: ast.AST) -> set[int]:
    found: set[int] = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr):
            value = body[0].value
            if isinstance(value, ast.Constant) and isinstance(value.value, str):
                found.add(id(body[0]))
    return found


class _Points(ast.NodeTransformer):
    """Walks a tree in a fixed order; counts mutation points, and applies the *target*-th."""

    def __init__(self, source: str, target: int | None = None) -> None:
        self.target = target
        self.count = 0
        self.found: list[tuple[int, str]] = []
        self.applied = False
        self._skip_lines = _skipped_lines(source)
        self._skip: set[int] = set()

    def run(self, tree: ast.AST) -> ast.AST:
        self._skip = _annotation_nodes(tree) | _docstrings(tree)
        result: ast.AST = self.visit(tree)
        return result

    def _point(self, node: ast.AST, change: str) -> bool:
        """Record a mutation point; True when it is the one to apply."""
        line = getattr(node, "lineno", 0)
        if id(node) in self._skip or line in self._skip_lines:
            return False
        index = self.count
        self.count += 1
        self.found.append((line, change))
        if index == self.target:
            self.applied = True
            return True
        return False

    def generic_visit(self, node: ast.AST) -> ast.AST:
        if id(node) in self._skip:
            return node
        return super().generic_visit(node)

    def visit_Compare(self, node: ast.Compare) -> ast.AST:
        for i, op in enumerate(node.ops):
            swap = SWAPS.get(type(op))
            if swap and self._point(node, f"{type(op).__name__} -> {swap.__name__}"):
                node.ops[i] = swap()
        return self.generic_visit(node)

    def visit_BinOp(self, node: ast.BinOp) -> ast.AST:
        swap = SWAPS.get(type(node.op))
        if swap and self._point(node, f"{type(node.op).__name__} -> {swap.__name__}"):
            node.op = swap()
        return self.generic_visit(node)

    def visit_AugAssign(self, node: ast.AugAssign) -> ast.AST:
        swap = SWAPS.get(type(node.op))
        if swap and self._point(node, f"{type(node.op).__name__}= -> {swap.__name__}="):
            node.op = swap()
        return self.generic_visit(node)

    def visit_BoolOp(self, node: ast.BoolOp) -> ast.AST:
        swap = SWAPS[type(node.op)]
        if self._point(node, f"{type(node.op).__name__} -> {swap.__name__}"):
            node.op = swap()
        return self.generic_visit(node)

    def visit_UnaryOp(self, node: ast.UnaryOp) -> ast.AST:
        if isinstance(node.op, ast.Not) and self._point(node, "not x -> x"):
            return self.generic_visit(node.operand)
        return self.generic_visit(node)

    def visit_Constant(self, node: ast.Constant) -> ast.AST:
        value = node.value
        if isinstance(value, bool):
            if self._point(node, f"{value} -> {not value}"):
                return ast.copy_location(ast.Constant(not value), node)
        elif isinstance(value, int) and self._point(node, f"{value} -> {value + 1}"):
            return ast.copy_location(ast.Constant(value + 1), node)
        return node

    def visit_Return(self, node: ast.Return) -> ast.AST:
        value = node.value
        if (
            value is not None
            and not (isinstance(value, ast.Constant) and value.value is None)
            and self._point(node, "return x -> return None")
        ):
            return ast.copy_location(ast.Return(ast.Constant(None)), node)
        return self.generic_visit(node)

    def visit_Expr(self, node: ast.Expr) -> ast.AST:
        if isinstance(node.value, ast.Call) and self._point(node, f"removed {ast.unparse(node.value)[:60]}"):
            return ast.copy_location(ast.Pass(), node)
        return self.generic_visit(node)


def mutants_of(module: str) -> list[Mutant]:
    """Every mutation point of *module* (a path relative to the project)."""
    source = (ROOT / module).read_text(encoding="utf-8")
    points = _Points(source)
    points.run(ast.parse(source))
    return [Mutant(module, i, line, change) for i, (line, change) in enumerate(points.found)]


def mutated_source(mutant: Mutant) -> str:
    """The module's source with the mutant's change applied (comments are lost; lines are not)."""
    source = (ROOT / mutant.module).read_text(encoding="utf-8")
    points = _Points(source, target=mutant.index)
    tree = ast.fix_missing_locations(points.run(ast.parse(source)))
    assert points.applied, mutant
    return ast.unparse(tree)


# -- which tests run which line ------------------------------------------------------------


def collect_coverage(jobs: int) -> dict[str, dict[int, set[str]]]:
    """module → line → test node ids that run it, from one run of the suite under coverage."""
    data_file = WORK / "coverage"
    if not data_file.exists():
        WORK.mkdir(exist_ok=True)
        rc = WORK / "coveragerc"
        rc.write_text(
            "[run]\nsource = ita_tui\ndynamic_context = test_function\nparallel = false\n"
            "omit = ita_tui/app/*\n",
            encoding="utf-8",
        )
        # One process (no xdist): contexts are per test function.
        cmd = [sys.executable, "-m", "coverage", "run", f"--rcfile={rc}", f"--data-file={data_file}"]
        cmd += ["-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:xdist", "--ignore=tests/app"]
        print("coverage of the suite (once):", " ".join(cmd[2:]), flush=True)
        subprocess.run(cmd, cwd=ROOT, check=False)
    from coverage import CoverageData

    data = CoverageData(basename=str(data_file))
    data.read()
    result: dict[str, dict[int, set[str]]] = {}
    for path in data.measured_files():
        module = Path(path).resolve().relative_to(ROOT).as_posix()
        contexts = data.contexts_by_lineno(path)
        lines = {line: {_node_id(c) for c in ctx if c} - {None} for line, ctx in contexts.items()}
        result[module] = {line: {t for t in ids if t} for line, ids in lines.items()}
    return result


def _node_id(context: str) -> str | None:
    # coverage names a test "tests.test_x.test_name" (or "...Class.test_name"); pytest wants a path.
    # With rootdir-relative imports the module may be named without its "tests." folder.
    parts = context.split(".")
    for base in (ROOT, ROOT / "tests"):
        for cut in range(len(parts), 0, -1):
            path = base.joinpath(*parts[:cut]).with_suffix(".py")
            if path.exists():
                return "::".join([path.relative_to(ROOT).as_posix(), *parts[cut:]])
    # Hypothesis runs a test's body inside its engine, whose function coverage names instead.
    return None


# -- running ---------------------------------------------------------------------------------


def _copy_project() -> Path:
    target = Path(tempfile.mkdtemp(prefix="ita-mutant-"))
    for name in ("ita_tui", "tests", "bench", "pyproject.toml"):
        source = ROOT / name
        if source.is_dir():
            ignore = shutil.ignore_patterns("__pycache__")
            shutil.copytree(source, target / name, symlinks=True, ignore=ignore)
        else:
            shutil.copy2(source, target / name)
    return target


def tests_naming(module: str) -> set[str]:
    """Test files that name *module*: run for lines only a subprocess reaches (no coverage context)."""
    dotted = module.removesuffix(".py").replace("/", ".")
    short = dotted.rsplit(".", 1)[-1]
    found = set()
    for path in (ROOT / "tests").rglob("test_*.py"):
        text = path.read_text(encoding="utf-8")
        if dotted in text or f"import {short}" in text:
            found.add(path.relative_to(ROOT).as_posix())
    return found


def run_mutant(mutant: Mutant, tests: set[str], timeout: float) -> Outcome:
    """Write *mutant* into a fresh copy of the project and run *tests* against it."""
    if not tests:
        return Outcome(mutant, killed=False, tests=0, detail="no test runs this line")
    copy = _copy_project()
    try:
        (copy / mutant.module).write_text(mutated_source(mutant), encoding="utf-8")
        env = dict(os.environ, PYTHONPATH=str(copy), PYTHONDONTWRITEBYTECODE="1")
        # Parametrised tests share one context: run the function with all its parameters.
        ids = sorted({t.split("[")[0] for t in tests})
        cmd = [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", "-p", "no:xdist", *ids]
        try:
            done = subprocess.run(cmd, cwd=copy, env=env, capture_output=True, text=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            return Outcome(mutant, killed=True, tests=len(ids), detail="timed out (counted as killed)")
        # 1: a test failed; 2: collection failed (the mutant broke an import); 3: internal error.
        # 4 (usage) and 5 (nothing collected) mean this script chose the tests wrongly.
        if done.returncode in (4, 5):
            raise RuntimeError(f"pytest could not run {ids}: {done.stdout[-500:]}")
        return Outcome(mutant, killed=done.returncode != 0, tests=len(ids))
    finally:
        shutil.rmtree(copy, ignore_errors=True)


def _select(mutants: list[Mutant], sample: int | None, seed: int) -> list[Mutant]:
    if sample is None or sample >= len(mutants):
        return mutants
    return sorted(random.Random(seed).sample(mutants, sample), key=lambda m: (m.module, m.index))


def _report(outcomes: list[Outcome]) -> Iterator[str]:
    by_module: dict[str, list[Outcome]] = {}
    for outcome in outcomes:
        by_module.setdefault(outcome.mutant.module, []).append(outcome)
    total = killed = 0
    for module, items in sorted(by_module.items()):
        k = sum(o.killed for o in items)
        total += len(items)
        killed += k
        yield f"{module}: {k}/{len(items)} killed ({100 * k / len(items):.0f}%)"
        for o in items:
            if not o.killed:
                where = f"{module}:{o.mutant.line} #{o.mutant.index}"
                yield f"  survived {where}: {o.mutant.change}  [{o.detail}]"
    if total:
        yield f"total: {killed}/{total} killed ({100 * killed / total:.1f}%)"


def main(argv: list[str] | None = None) -> int:
    """Run the mutants of the chosen modules; print survivors and the kill rate."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("modules", nargs="*", default=CORE, help="modules to mutate (default: the core)")
    parser.add_argument("--sample", type=int, help="run this many mutants, chosen at random")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--timeout", type=float, default=300)
    parser.add_argument("--list", action="store_true", help="only list the mutation points")
    parser.add_argument("--fresh", action="store_true", help="measure coverage again")
    parser.add_argument("--json", type=Path, help="write every outcome here")
    args = parser.parse_args(argv)
    mutants = [m for module in args.modules for m in mutants_of(module)]
    if args.list:
        for m in mutants:
            print(f"{m.module}:{m.line} #{m.index}: {m.change}")
        print(f"{len(mutants)} mutants")
        return 0
    if args.fresh:
        shutil.rmtree(WORK, ignore_errors=True)
    coverage = collect_coverage(args.jobs)
    chosen = _select(mutants, args.sample, args.seed)
    print(f"{len(chosen)} of {len(mutants)} mutants, {args.jobs} at a time", flush=True)

    def one(m: Mutant) -> Outcome:
        covered = coverage.get(m.module, {})
        # A line no in-process test runs may still be run by a test's subprocess (the CLI, a kill -9).
        tests = covered.get(m.line) or tests_naming(m.module) - {"tests/app"}
        outcome = run_mutant(m, tests, args.timeout)
        mark = "killed " if outcome.killed else "SURVIVED"
        print(f"{mark} {m.module}:{m.line} #{m.index} {m.change}", flush=True)
        return outcome

    with ThreadPoolExecutor(max_workers=args.jobs) as pool:
        outcomes = list(pool.map(one, chosen))
    for line in _report(outcomes):
        print(line)
    if args.json:
        args.json.write_text(json.dumps([asdict(o) for o in outcomes], ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
