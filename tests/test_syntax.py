"""rnnhw.syntax: parsing and compiling trees from several threads at once never fails midway.

CI once gave a correct notebook 0 points with "SystemError: AST constructor recursion depth
mismatch": two grading threads parsed the hidden tests (collect_judge.stubbed) with plain ast.parse."""

import ast
import gc
import sys
import threading

import pytest

from rnnhw import syntax

SOURCE = "\n".join(f"def f{i}(a, b):\n    return [x * (a + b) for x in range({i}) if x % 2]" for i in range(300))


class _Cycle:
    """Freed by the garbage collector only, which then runs Python code: a thread switch can happen there."""

    def __init__(self):
        self.me = self

    def __del__(self):
        sum(range(200))


def _failures(parse, compile_tree, rounds: int = 15) -> list[str]:
    """What two threads that parse and compile SOURCE at once, amid collections, raised."""
    failures = []

    def work():
        for _ in range(rounds):
            garbage = [_Cycle() for _ in range(50)]
            del garbage
            try:
                compile_tree(parse(SOURCE), "<test>")
            except SystemError as e:
                failures.append(str(e))
                return

    threshold = gc.get_threshold()
    gc.set_threshold(50)
    try:
        threads = [threading.Thread(target=work) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        gc.set_threshold(*threshold)
    return failures


def test_threads_parse_and_compile_without_failing_midway():
    plain = _failures(ast.parse, lambda tree, name: compile(tree, name, "exec"))
    if not plain:
        pytest.skip(f"plain ast.parse does not fail in threads on Python {sys.version.split()[0]}: "
                    "this test could not tell the lock's absence")
    assert _failures(syntax.parse, syntax.compile_tree) == [], f"plain ast.parse failed with {plain[0]}"
