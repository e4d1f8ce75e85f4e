"""Tooling for the RNN homework package: a thin layer over Otter-Grader's Python API."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOLUTIONS_DIR = ROOT / "solutions"
ASSIGNMENTS_DIR = ROOT / "assignments"


def assignment_names() -> list[str]:
    """Every assignment that has a master notebook, in order."""
    return sorted(p.parent.name for p in SOLUTIONS_DIR.glob("*/*.ipynb") if p.stem == p.parent.name)


def master_path(hw: str) -> Path:
    return SOLUTIONS_DIR / hw / f"{hw}.ipynb"


def autograder_zip(hw: str, root: Path = ROOT) -> Path:
    return root / "autograder" / hw / f"{hw}-autograder.zip"


def handout_zip(hw: str, root: Path = ROOT) -> Path:
    """assignments/<hw>/ zipped, to hand out (generated, not committed: .gitignore has *.zip)."""
    return root / "assignments" / f"{hw}.zip"
