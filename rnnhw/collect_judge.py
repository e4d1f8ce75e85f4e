"""Hidden test cases in two parts, so that a notebook's functions are judged outside its kernel.

A test case that takes a function or a class of the notebook must call it where the notebook's code
lives, in the student's kernel, and that code can defeat any assert run there (replace numpy's
comparisons, otter's checker, the results). Such a case can be written as

    def test_q4_sliding(Buffer):
        def collect(Buffer):      # calls the notebook's code on the test's inputs, returns plain data
            ...
        def judge(seen):          # the asserts and the expected values, on that data alone
            ...
        judge(collect(Buffer))

Wherever otter runs it (`otter run`, the student's own checks, validation's kernels) it runs whole.
rnnhw grade runs the two parts apart: `collect` in the kernel, from a test file where the case is a stub (so
no `judge` and no expected value is on the kernel's disk), its data written as plain files
(rnnhw.answers); `judge` in the verify stage, a process that never ran the notebook's code, which
gives the case its verdict. What collect returns is the student's, like the function's own result:
forging it means computing the right answer. (A model of the notebook's own classes is the exception:
it cannot be rebuilt outside the kernel, so a judge takes the outputs the kernel computed. A collect
returns a model as {"predicted": outputs, "architecture": to_json(), "weights": ...}, with
"architecture" None for such a model; the grader notes each case judged on such outputs,
`on_kernel_outputs`.)
`collect` and `judge` are defined and called in the same order as the asserts of a case written in
one part, so both forms give the same verdicts; each part must need nothing of the test function
around it (`split_cases` checks it). The one thing collect parts may share is a global they declare
(`global _replayed_q3`): a training one case replays and the next compares the student's model with.
Whole, such a global lives in the test file's namespace; apart, the collect parts of one test file
run in one namespace, in the file's order.
"""

import ast
import builtins
import dis
import types
from dataclasses import dataclass

from .syntax import compile_tree, parse


@dataclass(frozen=True)
class SplitCase:
    function: str         # the test function's name
    arguments: list[str]  # its parameters, which collect takes too
    collect: str          # the source of `def collect(...)`
    judge: str            # the source of `def judge(seen)`


def global_names(code: types.CodeType) -> set[str]:
    """The global names that `code` and the functions it defines read."""
    names = {i.argval for i in dis.get_instructions(code) if i.opname in ("LOAD_GLOBAL", "LOAD_NAME")}
    for constant in code.co_consts:
        if isinstance(constant, types.CodeType):
            names |= global_names(constant)
    return names


def _self_contained(function: ast.FunctionDef, shared: bool = False) -> bool:
    """Whether `function` reads no global but builtins (and, if `shared`, those it declares global)."""
    code = compile_tree(ast.Module([function], type_ignores=[]), "<part>")
    declared = {n for s in ast.walk(function) if isinstance(s, ast.Global) for n in s.names} if shared else set()
    return global_names(code) <= set(vars(builtins)) | {function.name} | declared


def _split(node: ast.FunctionDef) -> SplitCase | None:
    body = [s for s in node.body if not (isinstance(s, ast.Expr) and isinstance(s.value, ast.Constant))]
    if len(body) != 3 or not all(isinstance(s, ast.FunctionDef) for s in body[:2]):
        return None
    parts = {f.name: f for f in body[:2]}
    if set(parts) != {"collect", "judge"}:
        return None
    arguments = [a.arg for a in node.args.args]
    call = f"judge(collect({', '.join(arguments)}))"
    if ast.unparse(body[2]) != call or [a.arg for a in parts["collect"].args.args] != arguments:
        return None
    if (len(parts["judge"].args.args) != 1 or not _self_contained(parts["judge"])
            or not _self_contained(parts["collect"], shared=True)):
        return None
    return SplitCase(node.name, arguments, ast.unparse(parts["collect"]), ast.unparse(parts["judge"]))


def split_cases(source: str) -> dict[str, SplitCase]:
    """The test functions of a test file written in two parts, by name."""
    found = {}
    for node in parse(source).body:
        if isinstance(node, ast.FunctionDef) and node.decorator_list and (case := _split(node)):
            found[node.name] = case
    return found


def stubbed(source: str, functions: set[str]) -> str:
    """The test file with the named test functions' bodies replaced by `pass`: otter names cases by
    their position in the file, so the other cases keep their names. The kernel's verdict on a stub
    is not used."""
    lines = source.splitlines(keepends=True)
    for node in reversed(parse(source).body):
        if isinstance(node, ast.FunctionDef) and node.name in functions:
            indent = " " * node.body[0].col_offset
            lines[node.body[0].lineno - 1:node.end_lineno] = [f"{indent}pass\n"]
    return "".join(lines)


def key(test_file: str, function: str) -> str:
    """The name under which a case's collected data is written."""
    return f"{test_file}::{function}"


def define(source: str, name: str, namespace: dict | None = None):
    """The function `name` that `source` defines, in `namespace` (by default one of its own)."""
    namespace = {"__name__": f"rnnhw_{name}"} if namespace is None else namespace
    exec(compile(source, f"<{name}>", "exec"), namespace)  # noqa: S102 - the hidden tests' own code
    return namespace[name]


def on_kernel_outputs(seen, depth: int = 0) -> bool:
    """Whether collected data hold a model's outputs that only the kernel could compute: a dict with
    "predicted" and an "architecture" of None (a model of the notebook's own classes)."""
    if depth > 20:
        return False
    if isinstance(seen, dict):
        if "predicted" in seen and "architecture" in seen and seen["architecture"] is None:
            return True
        seen = list(seen.values())
    return isinstance(seen, list) and any(on_kernel_outputs(v, depth + 1) for v in seen)
