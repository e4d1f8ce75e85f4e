"""ast.parse and compile of a tree, safe to call from several threads at once.

CPython 3.11 counts the depth of the tree it converts (source to ast objects and back) in one
counter per interpreter, not per thread. The conversion can hand the interpreter to another thread
midway (an allocation runs the garbage collector, which runs a finaliser's Python code), and when
two conversions interleave, one of them fails with "SystemError: AST constructor recursion depth
mismatch". `rnnhw grade --jobs N` grades N submissions in threads of one process, and each thread
parses the hidden tests to stub and split their cases (rnnhw/collect_judge.py): one such failure
gave a correct notebook 0 points in CI. Every conversion in rnnhw goes through this module's lock.
(tests/test_syntax.py reproduces the failure with plain ast.parse.)
"""
import ast
import threading

_conversion = threading.Lock()


def parse(source: str) -> ast.Module:
    with _conversion:
        return ast.parse(source)


def compile_tree(tree: ast.Module, filename: str):
    """The code object of a module's tree."""
    with _conversion:
        return compile(tree, filename, "exec")
