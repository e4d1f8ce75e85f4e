"""Tooling for the RNN homework package: a thin layer over Otter-Grader's Python API.

This module also says where each built file lives (the layout the README shows).
"""

import json
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOLUTIONS_DIR = ROOT / "solutions"
ASSIGNMENTS_DIR = ROOT / "assignments"


class RnnhwError(Exception):
    """What the library raises when it cannot go on (a missing build, a wrong argument); the message
    says what to do. `python -m rnnhw` prints it and exits 1; no module but the CLI exits."""


def assignment_names() -> list[str]:
    """Every assignment that has a master notebook, in order."""
    return sorted(p.parent.name for p in SOLUTIONS_DIR.glob("*/*.ipynb") if p.stem == p.parent.name)


def master_path(hw: str) -> Path:
    return SOLUTIONS_DIR / hw / f"{hw}.ipynb"


def autograder_zip(hw: str, root: Path = ROOT) -> Path:
    return root / "autograder" / hw / f"{hw}-autograder.zip"


def reference_notebook(hw: str, root: Path = ROOT) -> Path:
    """The reference solution as a gradable notebook (otter assign writes it with the zip)."""
    return root / "autograder" / hw / f"{hw}.ipynb"


def student_notebook(hw: str, root: Path = ROOT) -> Path:
    """The notebook handed out, blank."""
    return root / "assignments" / hw / f"{hw}.ipynb"


def zip_config(zip_path: Path) -> dict:
    """The otter_config.json of an autograder zip (its seed, its assignment name)."""
    with zipfile.ZipFile(zip_path) as z:
        return json.loads(z.read("otter_config.json"))


def handout_zip(hw: str, root: Path = ROOT) -> Path:
    """assignments/<hw>/ zipped, to hand out (generated, not committed: .gitignore has *.zip)."""
    return root / "assignments" / f"{hw}.zip"
