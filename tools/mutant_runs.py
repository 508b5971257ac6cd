"""Running the tests against one mutant (tools/mutate.py): in a copy of the project, or in a forked child.

*Copy* (the reference): the mutated module is written into a fresh copy of
the project and the tests run there in a new interpreter; what the tests start
as subprocesses (the CLI, a second writer) runs the mutant too.  A few seconds
a mutant, most of them spent starting pytest and importing.

*Fork* (the accelerator, POSIX): one process imports the project and the
tests once; for each mutant a forked child either replaces the code of the one
function that holds the change (:class:`Patch`), or, for a change at module
level or on a line that also runs at import (where a result may have been
kept), imports the project and the tests afresh with the mutated module
(:class:`Reimport`: the libraries stay imported).  A fraction of a second to a
few seconds a mutant.  It is trusted only so far: a kill counts when the
failing test passes without the mutant in a fork made the same way; a survival
counts for the tests that started no process; the tests that did (the CLI, a
second writer: they ran the code on disk) are run again by copy.
"""

from __future__ import annotations

import contextlib
import gc
import importlib.abc
import importlib.machinery
import importlib.util
import json
import os
import resource
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import types
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from mutants import ROOT, Mutant, mutated_source

PYTEST = ["-x", "-q", "-p", "no:cacheprovider", "-p", "no:xdist"]


@dataclass(frozen=True)
class Run:
    """What one run of tests against a mutant (or none) gave."""

    failed: bool
    test: str | None = None  # the test that failed first
    detail: str = ""
    usable: bool = True  # False: the run says nothing (a fork that could not apply the mutant)
    seconds: float = 0.0
    spawned: tuple[str, ...] = ()  # tests that started a process (which ran the code as it is on disk)
    timed_out: bool = False


# -- copy -------------------------------------------------------------------------------------


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


def run_copy(mutant: Mutant, ids: list[str], timeout: float) -> Run:
    """Write *mutant* into a fresh copy of the project and run the tests *ids* (in order) there."""
    started = time.monotonic()
    copy = _copy_project()
    try:
        (copy / mutant.module).write_text(mutated_source(mutant), encoding="utf-8")
        env = dict(os.environ, PYTHONPATH=str(copy), PYTHONDONTWRITEBYTECODE="1")
        # Its own temp folder: pytest prunes old ones, a neighbour's running test among them.
        cmd = [sys.executable, "-m", "pytest", *PYTEST, f"--basetemp={copy / '.tmp'}", "-rf", *ids]
        try:
            done = subprocess.run(cmd, cwd=copy, env=env, capture_output=True, text=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            # A hang is a failure the suite shows (the timeout is four times the tests' measured time).
            return Run(True, detail="timed out (counted as killed)", seconds=timeout, timed_out=True)
        # 1: a test failed; 2: collection failed (the mutant broke an import); 3: internal error.
        # 4 (usage) and 5 (nothing collected) mean the tests were chosen wrongly.
        if done.returncode in (4, 5):
            raise RuntimeError(f"pytest could not run {ids}: {done.stdout[-500:]}")
        failed = [line.split()[1] for line in done.stdout.splitlines() if line.startswith("FAILED ")]
        return Run(done.returncode != 0, failed[0] if failed else None, seconds=time.monotonic() - started)
    finally:
        shutil.rmtree(copy, ignore_errors=True)


# -- fork -------------------------------------------------------------------------------------


def fork_available() -> bool:
    """Forking needs POSIX, and no other thread (a fork copies only the calling one)."""
    import threading

    return hasattr(os, "fork") and threading.active_count() == 1


def warm_up(test_files: Iterable[str]) -> None:
    """Import the project and *test_files* in this process, once, for the forked children."""
    sys.path.insert(0, str(ROOT))
    os.chdir(ROOT)
    with _quiet():
        code = pytest.main(["--collect-only", "-q", *PYTEST[2:], *sorted(test_files)])
    if code not in (0, 5):
        raise RuntimeError(f"the tests could not be collected (pytest exit {code})")
    # What is imported now lives as long as the process: out of the collector's sight, a child's
    # full collections (pytest makes five after each run) stay short and copy no pages.
    gc.freeze()


@contextlib.contextmanager
def _quiet() -> Iterator[None]:
    sys.stdout.flush()
    sys.stderr.flush()
    saved = os.dup(1), os.dup(2)
    null = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(null, 1)
        os.dup2(null, 2)
        yield
    finally:
        os.dup2(saved[0], 1)
        os.dup2(saved[1], 2)
        for fd in (null, *saved):
            os.close(fd)


@dataclass(frozen=True)
class Patch:
    """Give *function* the mutated *code* (a change inside one module-level function or method)."""

    function: types.FunctionType
    code: types.CodeType


@dataclass(frozen=True)
class Reimport:
    """Import the project and the tests afresh, *module* (dotted) from *source*; None: unmutated."""

    module: str | None = None
    source: str | None = None


Change = Patch | Reimport | None


def change_for(mutant: Mutant, fresh: bool) -> Change:
    """How a forked child applies *mutant*: a patch where it can, unless *fresh*, else a fresh import."""
    dotted = mutant.module.removesuffix(".py").replace("/", ".")
    source = mutated_source(mutant)
    module = sys.modules.get(dotted)
    if fresh or mutant.scope is None or module is None:
        return Reimport(dotted, source)
    live = _live_function(module, mutant.scope)
    code = compile(source, str(ROOT / mutant.module), "exec", dont_inherit=True)
    found = [c for c in _codes(code) if c.co_qualname == mutant.scope]
    if live is None or len(found) != 1 or len(found[0].co_freevars) != len(live.__code__.co_freevars):
        return Reimport(dotted, source)
    return Patch(live, found[0])


def _codes(code: types.CodeType) -> Iterator[types.CodeType]:
    for const in code.co_consts:
        if isinstance(const, types.CodeType):
            yield const
            yield from _codes(const)


def _live_function(module: types.ModuleType, qualname: str) -> types.FunctionType | None:
    """The function object named *qualname* in *module*, under its decorators."""
    owner: Any = module
    for part in qualname.split("."):
        owner = vars(owner).get(part)
    for _ in range(5):  # staticmethod, property, lru_cache, contextmanager: each wraps one function
        if isinstance(owner, types.FunctionType) and owner.__code__.co_qualname == qualname:
            return owner
        inner = getattr(owner, "__func__", None) or getattr(owner, "fget", None)
        owner = inner or getattr(owner, "__wrapped__", None)
    return None


def _clear_caches() -> None:
    """Results a cache of ours computed before the patch would hide the mutant: drop them all."""
    for name, module in list(sys.modules.items()):
        if name.startswith("ita_tui"):
            for value in list(vars(module).values()):
                for member in [value, *vars(value).values()] if isinstance(value, type) else [value]:
                    clear = getattr(member, "cache_clear", None)
                    if callable(clear):
                        clear()


class _Watcher:
    """A pytest plugin: remembers the first test that failed, and the tests that started a process."""

    def __init__(self) -> None:
        self.test: str | None = None
        self.spawned: set[str] = set()

    def pytest_runtest_logreport(self, report: Any) -> None:
        if report.failed and self.test is None:
            self.test = str(report.nodeid)

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_protocol(self, item: Any) -> Iterator[None]:
        before = _children()
        yield
        if _children() != before:
            self.spawned.add(str(item.nodeid).split("[")[0])


def _children() -> tuple[float, float, int]:
    """CPU time and memory of the processes this one has started and waited for."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime, usage.ru_stime, usage.ru_maxrss


class _Source(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Imports one module from the given source instead of its file."""

    def __init__(self, module: str, source: str) -> None:
        self.module = module
        self.source = source

    def find_spec(
        self, fullname: str, path: Any, target: Any = None
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname != self.module:
            return None
        origin = str(ROOT / (fullname.replace(".", "/") + ".py"))
        return importlib.util.spec_from_loader(fullname, self, origin=origin)

    def exec_module(self, module: types.ModuleType) -> None:
        module.__file__ = module.__spec__.origin if module.__spec__ else None
        exec(compile(self.source, module.__file__ or self.module, "exec", dont_inherit=True), vars(module))


def _forget_the_project() -> None:
    """Drop the project's modules and the tests' from this process, so that pytest imports them afresh."""
    ours = [ROOT / "ita_tui", ROOT / "tests", ROOT / "bench"]
    for name, module in list(sys.modules.items()):
        file = getattr(module, "__file__", None)
        if file and any(Path(file).resolve().is_relative_to(folder) for folder in ours):
            del sys.modules[name]


def _apply(change: Change) -> None:
    if isinstance(change, Patch):
        change.function.__code__ = change.code
        _clear_caches()
    elif isinstance(change, Reimport):
        _forget_the_project()
        if change.module is not None and change.source is not None:
            sys.meta_path.insert(0, _Source(change.module, change.source))


def _child(change: Change, ids: list[str], out: int) -> None:
    """In the forked child: apply *change*, run *ids*, write what happened to *out*; never return."""
    result: dict[str, Any] = {"exit": 3, "test": None}
    try:
        os.setpgid(0, 0)  # so that a timeout ends the tests' own subprocesses too
        null = os.open(os.devnull, os.O_RDWR)
        for fd in (0, 1, 2):
            os.dup2(null, fd)
        _apply(change)
        watcher = _Watcher()
        basetemp = tempfile.mkdtemp(prefix="ita-mutant-fork-")
        try:
            result["exit"] = int(pytest.main([*PYTEST, f"--basetemp={basetemp}", *ids], plugins=[watcher]))
        finally:
            shutil.rmtree(basetemp, ignore_errors=True)
        result["test"] = watcher.test
        result["spawned"] = sorted(watcher.spawned)
    finally:
        os.write(out, json.dumps(result).encode())
        os._exit(0)


@dataclass
class _Running:
    key: int
    pid: int
    out: int
    started: float
    timeout: float


def run_forked(jobs: list[tuple[int, Change, list[str], float]], parallel: int) -> dict[int, Run]:
    """Run each job (key, change, test ids, timeout) in a forked child, *parallel* at once."""
    pending = list(reversed(jobs))
    running: list[_Running] = []
    results: dict[int, Run] = {}
    while pending or running:
        while pending and len(running) < parallel:
            running.append(_start(*pending.pop()))
        time.sleep(0.02)
        for job in list(running):
            outcome = _poll(job)
            if outcome is not None:
                running.remove(job)
                results[job.key] = outcome
                if len(results) % 50 == 0:
                    print(f"  ... {len(results)} of {len(jobs)} run in forks", flush=True)
    return results


def _start(key: int, change: Change, ids: list[str], timeout: float) -> _Running:
    read, write = os.pipe()
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:
        os.close(read)
        _child(change, ids, write)
    os.close(write)
    return _Running(key, pid, read, time.monotonic(), timeout)


def _poll(job: _Running) -> Run | None:
    """The job's result once its child has ended; a child past its deadline is ended first."""
    pid, _status = os.waitpid(job.pid, os.WNOHANG)
    seconds = time.monotonic() - job.started
    if pid == 0:
        if seconds < job.timeout:
            return None
        with contextlib.suppress(ProcessLookupError):
            os.killpg(job.pid, signal.SIGKILL)
        os.waitpid(job.pid, 0)
        os.close(job.out)
        # As by copy: a hang is a failure the suite shows (and a copy would only wait as long again).
        return Run(True, detail="timed out (counted as killed)", seconds=seconds, timed_out=True)
    data = b""
    while select.select([job.out], [], [], 0)[0]:
        chunk = os.read(job.out, 65536)
        if not chunk:
            break
        data += chunk
    os.close(job.out)
    try:
        result = json.loads(data)
    except ValueError:
        return Run(False, usable=False, detail="the forked child ended without a word")
    code = result["exit"]
    if code in (0, 1):
        return Run(code == 1, result["test"], seconds=seconds, spawned=tuple(result["spawned"]))
    return Run(False, usable=False, detail=f"pytest exit {code} in a fork", seconds=seconds)
