"""The handout as a student gets it: assignments/<hw>.zip unpacked in an empty folder holds the
notebook, its public tests as files and its data; a copy the browser renamed ("hw (1).ipynb") still
checks and exports; on the blank notebook every check fails with a sentence written for the
student (an AssertionError of a public test), not with an error of the test itself."""

import re
import zipfile

import nbformat
import pytest
from nbclient import NotebookClient

from rnnhw import handout_zip, master_path
from rnnhw.masters import read_master

from conftest import ASSIGNMENTS


def _unpack(fresh_build, hw, target):
    with zipfile.ZipFile(handout_zip(hw, fresh_build)) as handout:
        handout.extractall(target)
        return set(handout.namelist())


@pytest.mark.parametrize("hw", ASSIGNMENTS)
def test_the_handout_zip_holds_the_notebook_its_public_tests_and_data(fresh_build, tmp_path, hw):
    _, config, questions = read_master(master_path(hw))
    names = {n for n in _unpack(fresh_build, hw, tmp_path) if not n.endswith("/")}
    wanted = {f"{hw}/{hw}.ipynb", *(f"{hw}/tests/{q.name}.py" for q in questions),
              *(f"{hw}/{name}" for name in config.get("files", []))}
    assert names == wanted
    student = fresh_build / "assignments" / hw
    for name in names:
        assert (tmp_path / name).read_bytes() == (student.parent / name).read_bytes(), f"{name} differs from assignments/"


def _check_outputs(nb) -> dict[str, str]:
    """{question: what its grader.check cell showed} of an executed notebook."""
    shown = {}
    for cell in nb.cells:
        found = re.fullmatch(r'grader\.check\("(q\d+)"\)', cell.source.strip()) if cell.cell_type == "code" else None
        if found:
            shown[found.group(1)] = "\n".join(
                o.get("data", {}).get("text/plain", "") or o.get("text", "") or f"{o.get('ename')}: {o.get('evalue')}"
                for o in cell.outputs)
    return shown


@pytest.mark.parametrize("hw", ASSIGNMENTS)
def test_a_renamed_blank_handout_checks_every_question_and_exports(fresh_build, tmp_path, hw):
    _, _, questions = read_master(master_path(hw))
    _unpack(fresh_build, hw, tmp_path)
    folder = tmp_path / hw
    renamed = folder / f"{hw} (1).ipynb"
    (folder / f"{hw}.ipynb").rename(renamed)
    nb = nbformat.read(renamed, as_version=4)
    NotebookClient(nb, timeout=600, kernel_name="python3", allow_errors=True,
                   resources={"metadata": {"path": str(folder)}}).execute()
    shown = _check_outputs(nb)
    assert sorted(shown) == sorted(q.name for q in questions)
    for question, text in shown.items():
        assert f"{question} results:" in text and "Test case failed" in text, f"{hw} {question}: {text[:500]}"
        errors = re.findall(r"^\s*(\w+(?:Error|Exception)): ", text, re.M)
        assert errors == ["AssertionError"], (
            f"{hw} {question}: on the blank notebook the public check should fail with its own message, "
            f"not {errors}:\n{text[-400:]}")
    exported = list(folder.glob(f"{hw} (1)_*.zip"))
    assert len(exported) == 1, f"grader.export gave {exported}"
    with zipfile.ZipFile(exported[0]) as submission:
        assert renamed.name in submission.namelist()
