"""The handout as a student gets it: assignments/<hw>.zip unpacked in an empty folder holds the
notebook, its public tests as files and its data; a copy the browser renamed ("hw (1).ipynb") still
checks and exports; on the blank notebook every check fails with a sentence written for the
student (an AssertionError of a public test), not with an error of the test itself."""

import json
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


# otter takes the kernel for Colab's when str(get_ipython()) names google.colab (otter/check/utils.py)
LIKE_COLAB = 'type(get_ipython()).__str__ = lambda self: "<google.colab._shell.Shell object>"'


def test_colab_checks_a_complete_notebook_and_its_download_grades_to_full_marks(fresh_build, tmp_path):
    """hw4 (the assignment with data files) in a kernel that otter takes for Colab's: the student's
    notebook is elsewhere (Drive) and the handout zip uploaded to the working folder, as the guide
    says; the notebook's own Colab cell installs otter (already here: pip finds it) and moves into the
    unpacked folder; every check passes, the export cell says to download the notebook instead of
    calling otter's export (which raises on Colab), and the downloaded notebook grades to full marks."""
    import shutil
    from rnnhw import ROOT
    from rnnhw.grade import grade
    hw = "hw4_forecasting"
    content, drive = tmp_path / "content", tmp_path / "drive"
    content.mkdir(), drive.mkdir()
    shutil.copy(handout_zip(hw, fresh_build), content)
    nb = nbformat.read(ROOT / "examples" / "submissions" / hw / "complete.ipynb", as_version=4)
    init = next(i for i, c in enumerate(nb.cells) if "otter.Notebook()" in c.source)
    nb.cells.insert(init + 1, nbformat.v4.new_code_cell("import os\nprint(grader.interpreter, os.getcwd())"))
    nb.cells.insert(0, nbformat.v4.new_code_cell(LIKE_COLAB))
    NotebookClient(nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(content)}}).execute()
    where = nb.cells.pop(init + 2)
    assert where.outputs[0]["text"].split() == ["IPythonInterpreter.COLAB", str(content / hw)], where.outputs
    del nb.cells[0]  # neither cell is the student's
    shown = _check_outputs(nb)
    assert sorted(shown) == sorted(q.name for q in read_master(master_path(hw))[2])
    for question, text in shown.items():
        assert "passed!" in text and "failed" not in text, f"{question}: {text[:500]}"
    export = next(c for c in nb.cells if "grader.export(" in c.source)
    assert "".join(o.get("text", "") for o in export.outputs).startswith("On Colab: File > Download"), export.outputs
    assert [p.name for p in content.rglob("*.zip")] == [f"{hw}.zip"], "no export zip is written on Colab"
    nbformat.write(nb, drive / f"{hw}.ipynb")  # File > Download > Download .ipynb
    table = grade([str(drive)], str(tmp_path / "grades"), root=fresh_build)[hw]
    report = json.loads((tmp_path / "grades" / "report.json").read_text())
    assert report["totals"] == {f"{hw}.ipynb": report["possible"]} and report["possible"] > 0, table.to_string()
