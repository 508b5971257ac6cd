"""A pytest plugin for tools/mutate.py: one coverage context a test, its fixtures included.

coverage's own ``dynamic_context = test_function`` names a context after the
``test_*`` function on the stack, so what a fixture runs (a checklist loaded,
a report imported) is credited to no test.  Here each test's setup, call and
teardown run under its node id; only imports and collection stay outside.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import coverage
import pytest


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item: Any, nextitem: Any) -> Iterator[None]:
    """Run the test (setup, call, teardown) under the context of its node id."""
    current = coverage.Coverage.current()
    if current is not None:
        current.switch_context(str(item.nodeid))
    yield
    if current is not None:
        current.switch_context("")
