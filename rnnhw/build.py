"""Builds the student notebook and the autograder zip of each assignment with Otter Assign."""

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import nbformat

from . import ROOT, autograder_zip, handout_zip, master_path


def _normalise(notebook: Path, hw: str) -> None:
    """Give every cell a stable id: Otter Assign draws new random ids for the cells it adds."""
    nb = nbformat.read(notebook, as_version=4)
    for index, cell in enumerate(nb.cells):
        cell.id = f"{hw}-{index:03d}"
    nbformat.write(nb, notebook)


def _open_under_any_name(notebook: Path, hw: str) -> None:
    """The student's first cell names no file: `otter.Notebook("hw.ipynb")` fails in a copy the browser
    renamed ("hw (1).ipynb"); with no name otter finds the notebook itself and checks against tests/."""
    nb = nbformat.read(notebook, as_version=4)
    named = f'otter.Notebook("{hw}.ipynb")'
    init = [cell for cell in nb.cells if cell.cell_type == "code" and named in cell.source]
    if len(init) != 1:
        raise SystemExit(f"expected one cell with {named} in the student notebook of {hw}, found {len(init)}")
    init[0].source = init[0].source.replace(named, "otter.Notebook()")
    nbformat.write(nb, notebook)


def build(hw: str, root: Path = ROOT) -> None:
    """otter assign solutions/<hw> -> root/assignments/<hw>/ (notebook, public tests as files, data), its
    zip root/assignments/<hw>.zip to hand out, and root/autograder/<hw>/."""
    print(f"[build] {hw}: otter assign", flush=True)
    with tempfile.TemporaryDirectory(prefix=f"rnnhw-build-{hw}-") as tmp:
        out = Path(tmp) / "dist"
        done = subprocess.run(
            [sys.executable, "-m", "otter", "assign", "--no-run-tests", str(master_path(hw)), str(out)],
            capture_output=True, text=True,
        )
        if done.returncode != 0:
            raise SystemExit(f"otter assign failed for {hw}:\n{done.stdout}\n{done.stderr}")

        student = root / "assignments" / hw
        shutil.rmtree(student, ignore_errors=True)
        shutil.copytree(out / "student", student)
        _open_under_any_name(student / f"{hw}.ipynb", hw)
        _normalise(student / f"{hw}.ipynb", hw)
        shutil.make_archive(str(handout_zip(hw, root).with_suffix("")), "zip", student.parent, hw)

        grader = root / "autograder" / hw
        shutil.rmtree(grader, ignore_errors=True)
        grader.mkdir(parents=True)
        zips = list((out / "autograder").glob(f"{hw}-autograder_*.zip"))
        if len(zips) != 1:
            raise SystemExit(f"expected one autograder zip for {hw}, found {zips}")
        shutil.copy(zips[0], autograder_zip(hw, root))
        shutil.copy(out / "autograder" / f"{hw}.ipynb", grader / f"{hw}.ipynb")
        _normalise(grader / f"{hw}.ipynb", hw)
    print(f"[build] {hw}: {student.relative_to(root)}/, {handout_zip(hw, root).relative_to(root)} and "
          f"{autograder_zip(hw, root).relative_to(root)}",
          flush=True)
