"""Reads a submission's code cells, before anything runs, for attempts to game the grader.

Otter runs the hidden tests inside the student's own kernel, after the student's code: that code can
replace otter's checker, forge its results, rewrite the test files next to the notebook or patch the
numpy/keras functions the tests call. Python cannot stop this from inside the kernel, so rnnhw
grade looks for it first and flags what it finds. The rules aim at what an honest answer never needs;
every right answer and example submission must scan clean (tests/test_tamper.py).
"""

import ast
import re

import nbformat
from IPython.core.inputtransformer2 import TransformerManager

from .syntax import parse

# otter's grading internals: a notebook needs `otter.Notebook` and `grader.check/export` only
OTTER_INTERNALS = {"Checker", "GradingResults", "_test_files", "_track_results", "get_results",
                   "check_if_not_already_checked", "init_grading_mode", "TestFile", "test_case",
                   "TestCaseResult", "OTTER_LOG_FILENAME"}
# names through which code reaches other code's namespaces or runs code it builds
DYNAMIC = {"exec", "eval", "compile", "__import__", "globals", "vars", "locals", "setattr", "delattr",
           "__builtins__", "breakpoint"}
MODULES = {"importlib", "builtins", "ctypes", "subprocess", "inspect", "pickle", "dill", "marshal"}
# settings an honest notebook may assign: pd.options.display.max_rows = 20, plt.rcParams...
SETTINGS = re.compile(r"\.options\.|rcParams")
# attributes that reach into functions, classes and modules
DUNDERS = {"__dict__", "__code__", "__globals__", "__builtins__", "__subclasses__", "__setattr__",
           "__delattr__", "__bases__", "__class__", "__closure__", "__defaults__", "__kwdefaults__",
           "__getattribute__", "__mro__"}
# strings naming the grader's files: hidden tests, otter's log and results
FILES = re.compile(r"(^|[\s'\"./\\])tests[/\\]|^\.?/?tests$|\bq\d+\.py\b|\*\.py\b|OTTER_LOG|results\.(json|pkl)"
                   r"|\bautograder\b|\bsubmission_metadata\b|otter_config")


def _root(node: ast.AST) -> ast.AST:
    while isinstance(node, (ast.Attribute, ast.Subscript, ast.Call)):
        node = node.func if isinstance(node, ast.Call) else node.value
    return node


def _chain(node: ast.AST) -> str:
    try:
        return ast.unparse(node)
    except Exception:  # noqa: BLE001 - only used in messages
        return "?"


class _Scanner(ast.NodeVisitor):
    def __init__(self, imported: set[str], functions: set[str]):
        self.imported = imported  # names bound to modules or to things imported from them
        self.functions = functions  # functions defined anywhere in the notebook
        self.findings: list[str] = []

    def flag(self, what: str) -> None:
        if what not in self.findings:
            self.findings.append(what)

    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            self._import(alias.name)

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        self._import(node.module or "")
        if (node.module or "").split(".")[0] == "otter":
            for alias in node.names:
                if alias.name != "Notebook":
                    self.flag(f"imports otter's internals ({alias.name} from {node.module})")

    def _import(self, module: str) -> None:
        top = module.split(".")[0]
        if top == "otter" and module != "otter":
            self.flag(f"imports otter's internals ({module})")
        if top in MODULES:
            self.flag(f"imports {module}")

    def visit_Name(self, node: ast.Name) -> None:
        if node.id in OTTER_INTERNALS:
            self.flag(f"uses otter's {node.id}")
        if node.id in DYNAMIC:
            self.flag(f"uses {node.id}()")
        self.generic_visit(node)

    def visit_Attribute(self, node: ast.Attribute) -> None:
        root = _root(node)
        if node.attr in OTTER_INTERNALS:
            self.flag(f"uses otter's {node.attr}")
        if node.attr in DUNDERS:
            self.flag(f"reaches into {_chain(node)}")
        if isinstance(root, ast.Name) and root.id == "otter" and node.attr != "Notebook" and node.value is root:
            self.flag(f"uses otter.{node.attr}")
        if isinstance(root, ast.Name) and root.id == "gc" and node.attr != "collect":
            self.flag(f"uses {_chain(node)}")  # gc.get_objects() and friends reach otter's objects
        if isinstance(root, ast.Name) and root.id == "sys" and node.attr == "modules":
            self.flag("uses sys.modules")
        if isinstance(root, ast.Name) and root.id == "os" and node.attr in {"system", "popen", "execv", "execl"}:
            self.flag(f"runs programs with os.{node.attr}")
        self.generic_visit(node)

    def visit_Constant(self, node: ast.Constant) -> None:
        if isinstance(node.value, str) and FILES.search(node.value):
            self.flag(f"names the grader's files ({node.value[:60]!r})")

    def _target(self, target: ast.AST, value: ast.AST | None) -> None:
        if isinstance(target, (ast.Tuple, ast.List)):
            for element in target.elts:
                self._target(element, None)
            return
        if not isinstance(target, ast.Attribute):
            return
        root = _root(target)
        name = root.id if isinstance(root, ast.Name) else ""
        through_call = any(isinstance(n, ast.Call) for n in ast.walk(target))  # getattr(np, "x").y, type(m).z
        if SETTINGS.search(_chain(target)):
            return
        if name in self.imported or name in {"grader", "otter"} or through_call:
            self.flag(f"replaces {_chain(target)}")
        elif name != "self" and (isinstance(value, ast.Lambda)
                                 or isinstance(value, ast.Name) and value.id in self.functions):
            self.flag(f"puts a function in place of {_chain(target)}")

    def visit_Assign(self, node: ast.Assign) -> None:
        for target in node.targets:
            self._target(target, node.value)
        self.generic_visit(node)

    def visit_AugAssign(self, node: ast.AugAssign) -> None:
        self._target(node.target, node.value)
        self.generic_visit(node)

    def visit_AnnAssign(self, node: ast.AnnAssign) -> None:
        self._target(node.target, node.value)
        self.generic_visit(node)

    def visit_Delete(self, node: ast.Delete) -> None:
        for target in node.targets:
            self._target(target, None)
        self.generic_visit(node)


def _python(source: str) -> str:
    """The cell as Python: IPython turns `!cmd` and `%magic` lines into calls with string arguments."""
    return TransformerManager().transform_cell(source)


def _bindings(trees: list[ast.AST]) -> tuple[set[str], set[str]]:
    """Names bound by imports (and plain aliases of them, `n = numpy`), and functions defined."""
    imported, functions = set(), set()
    for tree in trees:
        for node in ast.walk(tree):
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                imported.update((a.asname or a.name).split(".")[0] for a in node.names)
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                functions.add(node.name)
    changed = True
    while changed:  # aliases: `f = numpy`, `M = keras.Model` (a call such as keras.Sequential() is not one)
        changed = False
        for tree in trees:
            for node in ast.walk(tree):
                if (isinstance(node, ast.Assign) and isinstance(node.value, (ast.Name, ast.Attribute))
                        and isinstance(_root(node.value), ast.Name) and _root(node.value).id in imported):
                    for target in node.targets:
                        if isinstance(target, ast.Name) and target.id not in imported:
                            imported.add(target.id)
                            changed = True
    return imported, functions


def scan_notebook(nb: nbformat.NotebookNode) -> list[str]:
    """What in the notebook's code cells tries to change how it is graded, one line per finding."""
    trees, unparsable = [], []
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        try:
            trees.append(parse(_python(cell.source)))
        except (SyntaxError, ValueError, RecursionError, RuntimeError):
            # graded as written: it fails (IPython gives up, as here, on a cell with more than 500
            # `!` or `%` lines); still read its words below
            unparsable.append(cell.source)
    imported, functions = _bindings(trees)
    scanner = _Scanner(imported, functions)
    for tree in trees:
        try:
            scanner.visit(tree)
        except RecursionError:
            scanner.flag("code nested too deep to be read")
    for source in unparsable:
        for word in sorted(OTTER_INTERNALS | {"OTTER_LOG", "exec", "setattr"}):
            if re.search(rf"\b{word}\b", source):
                scanner.flag(f"uses {word} (in a cell that does not parse)")
    return scanner.findings
