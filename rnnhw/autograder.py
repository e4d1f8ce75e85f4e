"""What the autograder zip holds beyond what otter assign writes: rnnhw's grading instead of otter's
runner, and an image pinned to the environment the tests ran with.

otter assign's zip grades with otter's runner, which trusts the student's kernel and shows students
each failing test's source line (rnnhw/gradescope.py says what replaces it, and why). The build
rewrites the zip in place, keeping otter's names, which both Gradescope and `otter grade` (its
Dockerfile adds exactly run_autograder, setup.sh, environment.yml, requirements.*, otter_config.json,
run_otter.py, files/ and tests/) run:

- run_autograder and setup.sh: rnnhw/templates/ (setup.sh installs bubblewrap and the pinned
  environment, not otter's R libraries, LaTeX, pandoc, Playwright's Chromium or nb_conda_kernels);
- environment.yml: the Python version and every package of requirements-lock.txt, pinned;
- run_otter.py: a Python zip application (PEP 441, `python run_otter.py` runs it) holding the rnnhw
  package and templates/zipapp_main.py as its __main__;
- otter_config.json gains `rnnhw.callables`: the names the reference notebook defines as functions
  and classes, which the grader must not try to rebuild outside the kernel (rnnhw/grade.py); and
  `rnnhw.written`: the written questions and their points, graded by hand from the PDF, which
  results.json names so that students know where those points come from.
"""

import ast
import io
import json
import zipfile
from pathlib import Path

import nbformat

from . import ROOT
from .scan import _python
from .syntax import parse

TEMPLATES = Path(__file__).with_name("templates")
LOCK = ROOT / "requirements-lock.txt"
REPLACED = {"run_autograder", "setup.sh", "environment.yml", "run_otter.py", "otter_config.json"}


def top_level_callables(reference: Path) -> set[str]:
    """The functions, classes and lambdas that the notebook's cells define at their top level."""
    names = set()
    for cell in nbformat.read(reference, as_version=4).cells:
        if cell.cell_type != "code":
            continue
        try:
            tree = parse(_python(cell.source))
        except (SyntaxError, ValueError, RuntimeError):
            continue
        for node in tree.body:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                names.add(node.name)
            elif isinstance(node, ast.Assign) and isinstance(node.value, ast.Lambda):
                names.update(t.id for t in node.targets if isinstance(t, ast.Name))
    return names


def locked() -> tuple[str, list[str]]:
    """The Python version and the `name==version` lines of requirements-lock.txt."""
    lines = LOCK.read_text().splitlines()
    python = next(line.split(":", 1)[1].strip() for line in lines if line.startswith("# python:"))
    return python, [line for line in lines if line and not line.startswith("#")]


def environment_yml() -> str:
    python, packages = locked()
    pins = "".join(f"      - {package}\n" for package in packages)
    return ("# The grading environment: the test suite's Python and packages, each pinned (requirements-lock.txt)\n"
            f"name: rnnhw-grading\nchannels:\n  - conda-forge\ndependencies:\n  - python={python}\n  - pip\n"
            f"  - pip:\n{pins}")


def zip_application() -> bytes:
    """run_otter.py: a zip of the rnnhw package's modules (not rnnhw/validation/, which grading never
    uses) with templates/zipapp_main.py as its __main__.py, which is all a Python zip application is
    (fixed dates: the same bytes each build)."""
    files = {"__main__.py": (TEMPLATES / "zipapp_main.py").read_bytes()}
    files.update({f"rnnhw/{p.name}": p.read_bytes() for p in sorted(Path(__file__).parent.glob("*.py"))})
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files.items():
            z.writestr(zipfile.ZipInfo(name, (2026, 1, 1, 0, 0, 0)), data)
    return archive.getvalue()


def package(zip_path: Path, reference: Path, written: dict[str, float]) -> None:
    """Rewrite otter assign's autograder zip at `zip_path` as the module's doc says; `written`: the
    written questions' points, by name."""
    with zipfile.ZipFile(zip_path) as old:
        kept = {info: old.read(info) for info in old.infolist() if info.filename not in REPLACED}
        config = json.loads(old.read("otter_config.json"))
    config["rnnhw"] = {"callables": sorted(top_level_callables(reference)), "written": written}
    added = {"otter_config.json": json.dumps(config, indent=2).encode(),
             "environment.yml": environment_yml().encode(),
             "setup.sh": (TEMPLATES / "setup.sh").read_bytes(),
             "run_autograder": (TEMPLATES / "run_autograder").read_bytes(),
             "run_otter.py": zip_application()}
    with zipfile.ZipFile(zip_path, "w", zipfile.ZIP_DEFLATED) as new:
        for name, data in added.items():
            info = zipfile.ZipInfo(name, (2026, 1, 1, 0, 0, 0))
            info.external_attr = (0o755 if name in ("run_autograder", "setup.sh") else 0o644) << 16
            new.writestr(info, data)
        for info, data in kept.items():
            new.writestr(info, data)
