import shutil
from pathlib import Path

import nbformat
import pytest

from rnnhw import assignment_names
from rnnhw.build import build

ASSIGNMENTS = assignment_names()


@pytest.fixture(scope="session")
def fresh_build(tmp_path_factory) -> Path:
    """Every assignment built anew into a scratch root (the repository's own files stay untouched)."""
    root = tmp_path_factory.mktemp("build")
    for hw in ASSIGNMENTS:
        build(hw, root)
    return root


def without_check_cells(notebook: Path, target: Path) -> Path:
    nb = nbformat.read(notebook, as_version=4)
    nb.cells = [c for c in nb.cells if not (c.cell_type == "code" and "grader.check(" in c.source)]
    nbformat.write(nb, target)
    return target


@pytest.fixture(scope="session")
def graded(fresh_build, tmp_path_factory) -> dict:
    """One grading batch per assignment: the reference, the reference without grader.check cells,
    the blank student notebook. Returns {hw: final_grades table indexed by file}."""
    from rnnhw.grade import grade
    subs = tmp_path_factory.mktemp("submissions")
    for hw in ASSIGNMENTS:
        folder = subs / hw
        folder.mkdir()
        shutil.copy(fresh_build / "autograder" / hw / f"{hw}.ipynb", folder / "reference.ipynb")
        without_check_cells(folder / "reference.ipynb", folder / "reference_no_checks.ipynb")
        shutil.copy(fresh_build / "assignments" / hw / f"{hw}.ipynb", folder / "blank.ipynb")
    tables = grade([str(subs)], str(tmp_path_factory.mktemp("grades")), jobs=2, root=fresh_build)
    return {hw: table.set_index("file") for hw, table in tables.items()}
