"""The mutation points of a module, found on its syntax tree and applied one at a time (tools/mutate.py).

A mutation point is a comparison turned around (``<`` for ``<=``, ``==`` for
``!=``, ``in`` for ``not in``), an arithmetic or boolean operator swapped, a
``not`` dropped, a number moved by one, ``True`` for ``False``, a returned value
replaced by ``None``, or a call made for its effect (``os.fsync(fd)``) removed.
Annotations, docstrings, ``TYPE_CHECKING`` blocks and lines marked
``# pragma: no mutate`` are left alone.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]

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
    """One change to one module.

    *index* numbers the module's mutation points in a fixed order; *scope* is the
    qualified name of the module-level function or method whose body holds the
    change (None at module or class level, in a default value or a decorator:
    a change only a fresh import applies); *text* is the changed line as written.
    """

    module: str
    index: int
    line: int
    change: str
    scope: str | None
    text: str


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


@cache
def cached_scopes(module: str) -> frozenset[str]:
    """The functions of *module* whose results are cached (``@lru_cache``, ``@cache``): their body
    runs for the first test that calls them only, so line coverage names too few of their tests."""
    tree = ast.parse((ROOT / module).read_text(encoding="utf-8"))
    found = set()
    for node in tree.body:
        inside = node.body if isinstance(node, ast.ClassDef) else [node]
        prefix = f"{node.name}." if isinstance(node, ast.ClassDef) else ""
        for function in inside:
            if isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)) and any(
                "cache" in ast.unparse(decorator) for decorator in function.decorator_list
            ):
                found.add(prefix + function.name)
    return frozenset(found)


def _scopes(tree: ast.Module) -> dict[int, str]:
    """id of each node in the body of a module-level function or method → that function's qualname.

    A name defined twice (a property's getter and setter) has no scope: which
    function object to patch would be a guess.
    """
    functions: list[tuple[str, ast.FunctionDef | ast.AsyncFunctionDef]] = []
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            functions.append((node.name, node))
        elif isinstance(node, ast.ClassDef):
            functions.extend(
                (f"{node.name}.{sub.name}", sub)
                for sub in node.body
                if isinstance(sub, (ast.FunctionDef, ast.AsyncFunctionDef))
            )
    names = [name for name, _ in functions]
    scopes: dict[int, str] = {}
    for name, function in functions:
        if names.count(name) > 1:
            continue
        for statement in function.body:
            scopes.update((id(sub), name) for sub in ast.walk(statement))
    return scopes


class _Points(ast.NodeTransformer):
    """Walks a tree in a fixed order; counts mutation points, and applies the *target*-th."""

    def __init__(self, source: str, target: int | None = None) -> None:
        self.target = target
        self.found: list[tuple[int, str, str | None]] = []
        self.applied = False
        self._skip_lines = _skipped_lines(source)
        self._skip: set[int] = set()
        self._scopes: dict[int, str] = {}

    def run(self, tree: ast.Module) -> ast.AST:
        self._skip = _annotation_nodes(tree) | _docstrings(tree)
        self._scopes = _scopes(tree)
        result: ast.AST = self.visit(tree)
        return result

    def _point(self, node: ast.AST, change: str) -> bool:
        """Record a mutation point; True when it is the one to apply."""
        line = getattr(node, "lineno", 0)
        if id(node) in self._skip or line in self._skip_lines:
            return False
        index = len(self.found)
        self.found.append((line, change, self._scopes.get(id(node))))
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
    lines = source.splitlines()
    points = _Points(source)
    points.run(ast.parse(source))
    return [
        Mutant(module, i, line, change, scope, lines[line - 1].strip() if line else "")
        for i, (line, change, scope) in enumerate(points.found)
    ]


def mutated_source(mutant: Mutant) -> str:
    """The module's source with the mutant's change applied (comments are lost; lines are not)."""
    source = (ROOT / mutant.module).read_text(encoding="utf-8")
    points = _Points(source, target=mutant.index)
    tree = ast.fix_missing_locations(points.run(ast.parse(source)))
    assert points.applied, mutant
    return ast.unparse(tree)
