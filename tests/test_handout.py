"""The handout as a student gets it: assignments/<hw>.zip unpacked in an empty folder holds the
notebook, its public tests as files and its data; a copy the browser renamed ("hw (1).ipynb") still
checks and exports; on the blank notebook every check fails with a sentence written for the
student (an AssertionError of a public test), not with an error of the test itself. On Colab (a
kernel otter takes for Colab's) each complete example finds its handout wherever the guide lets the
student put it, passes its checks, exports nothing, and its downloaded notebook (two of them renamed
as browsers and Colab rename copies) grades to full marks with `rnnhw grade` and with plain `otter run`."""

import functools
import http.server
import json
import os
import re
import shutil
import subprocess
import threading
import unicodedata
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from rnnhw import ROOT, autograder_zip, handout_zip, master_path, student_notebook
from rnnhw.build import build
from rnnhw.grade import grade
from rnnhw.masters import read_master

from helpers import ASSIGNMENTS, plain_otter_run

# The kernel the student's side runs in; `make colab-like` names one of another stack, like Colab's.
STUDENT_KERNEL = os.environ.get("RNNHW_STUDENT_KERNEL", "python3")


def _unpack(fresh_build, hw, target):
    with zipfile.ZipFile(handout_zip(hw, fresh_build)) as handout:
        handout.extractall(target)
        return set(handout.namelist())


@pytest.mark.parametrize("hw", ASSIGNMENTS)
def test_the_handout_zip_holds_the_notebook_its_public_tests_and_data(fresh_build, tmp_path, hw):
    _, config, questions = read_master(master_path(hw))
    names = {n for n in _unpack(fresh_build, hw, tmp_path) if not n.endswith("/")}
    wanted = {f"{hw}/{hw}.ipynb", *(f"{hw}/tests/{q.name}.py" for q in questions if not q.manual),
              *(f"{hw}/{name}" for name in config.get("files", []))}
    assert names == wanted
    student = fresh_build / "assignments" / hw
    for name in names:
        assert (tmp_path / name).read_bytes() == (student.parent / name).read_bytes(), \
            f"{name} differs from assignments/"


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


def _export_output(nb) -> str:
    export = next(c for c in nb.cells if c.cell_type == "code" and "grader.export(" in c.source)
    return "\n".join(o.get("text", "") or f"{o.get('ename')}: {o.get('evalue')}" for o in export.outputs)


def _letters(text: str) -> str:
    """Only the letters and digits, in lower case: what survives markdown -> LaTeX -> PDF -> text unchanged
    (markup, quotes, ligatures, hyphenation and line breaks do not)."""
    return re.sub(r"[^a-z0-9]", "", unicodedata.normalize("NFKC", text).lower())


def _assert_pdf_of_written_answers(pdf: bytes, hw: str, tmp_path: Path) -> None:
    """The PDF holds each written question and the master's model answer to it, and no rubric."""
    path = tmp_path / "written.pdf"
    path.write_bytes(pdf)
    done = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True)
    assert done.returncode == 0, f"pdftotext (Debian's poppler-utils) failed: {done.stderr}"
    text = _letters(done.stdout)
    written = [q for q in read_master(master_path(hw))[2] if q.manual]
    assert written
    for q in written:
        assert _letters(f"{q.name} (written, graded by hand)") in text, f"{hw}: {q.name}'s prompt is not in the PDF"
        assert _letters(q.answer) in text, f"{hw}: {q.name}'s answer is not in the PDF:\n{done.stdout[:3000]}"
        assert _letters(max(q.rubric.splitlines(), key=len)) not in text, f"{hw}: {q.name}'s rubric is in the PDF"


@pytest.mark.slow  # a kernel per assignment, and LaTeX
@pytest.mark.parametrize("hw", ASSIGNMENTS)
def test_the_complete_example_exports_a_pdf_of_its_written_answers(fresh_build, tmp_path, hw):
    """In the unpacked handout, a kernel runs otter's cells of the complete example (its answers are
    saved; nothing trains): `grader.export()` writes a zip with the notebook and the PDF of the written
    answers, built by pandoc and XeLaTeX, whose text holds each written question and its answer."""
    if not (shutil.which("pandoc") and shutil.which("xelatex")):
        pytest.fail("pandoc and xelatex are needed to build the PDF: `make pdf-tools` (as root) installs them")
    _unpack(fresh_build, hw, tmp_path)
    folder = tmp_path / hw
    (folder / f"{hw}.ipynb").unlink()
    shutil.copy(ROOT / "examples" / "submissions" / hw / "complete.ipynb", folder / f"{hw}.ipynb")
    nb = nbformat.read(folder / f"{hw}.ipynb", as_version=4)
    nb.cells = [c for c in nb.cells
                if c.cell_type == "code" and ("otter.Notebook()" in c.source or "grader.export(" in c.source)]
    assert len(nb.cells) == 2
    NotebookClient(nb, timeout=600, kernel_name=STUDENT_KERNEL, resources={"metadata": {"path": str(folder)}}).execute()
    [exported] = folder.glob(f"{hw}_*.zip")
    with zipfile.ZipFile(exported) as submission:
        assert f"{hw}.ipynb" in submission.namelist()
        _assert_pdf_of_written_answers(submission.read(f"{hw}.pdf"), hw, tmp_path)


@pytest.mark.slow  # a kernel per assignment
@pytest.mark.parametrize("hw", ASSIGNMENTS)
def test_a_renamed_blank_handout_checks_every_question_and_exports(fresh_build, tmp_path, hw):
    _, _, questions = read_master(master_path(hw))
    _unpack(fresh_build, hw, tmp_path)
    folder = tmp_path / hw
    renamed = folder / f"{hw} (1).ipynb"
    (folder / f"{hw}.ipynb").rename(renamed)
    nb = nbformat.read(renamed, as_version=4)
    NotebookClient(nb, timeout=600, kernel_name=STUDENT_KERNEL, allow_errors=True,
                   resources={"metadata": {"path": str(folder)}}).execute()
    shown = _check_outputs(nb)
    assert sorted(shown) == sorted(q.name for q in questions if not q.manual)
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
        # the PDF of the written answers, blank ones included (`make` installs pandoc and TeX)
        assert f"{hw} (1).pdf" in submission.namelist(), (submission.namelist(), _export_output(nb))



@pytest.mark.slow  # a kernel that trains, then two gradings
def test_a_renamed_complete_copy_checks_exports_and_its_zip_grades_to_full_marks(fresh_build, tmp_path):
    """Off Colab, as in Jupyter, JupyterLab or VS Code: the complete example, renamed as a browser
    renames a second download, run in a plain kernel in the unpacked handout; every check passes,
    and the zip grader.export writes grades to full marks under rnnhw grade and plain otter run. One
    assignment (CI's time): hw4, whose data files must be found next to the notebook."""
    hw = "hw4_forecasting"
    _unpack(fresh_build, hw, tmp_path / "student")
    folder = tmp_path / "student" / hw
    renamed = folder / f"{hw} (1).ipynb"
    (folder / f"{hw}.ipynb").unlink()
    shutil.copy(ROOT / "examples" / "submissions" / hw / "complete.ipynb", renamed)
    nb = nbformat.read(renamed, as_version=4)
    NotebookClient(nb, timeout=600, kernel_name=STUDENT_KERNEL, resources={"metadata": {"path": str(folder)}}).execute()
    shown = _check_outputs(nb)
    assert sorted(shown) == sorted(q.name for q in read_master(master_path(hw))[2] if not q.manual)
    for question, text in shown.items():
        assert "passed!" in text and "failed" not in text, f"{question}: {text[:500]}"
    [exported] = folder.glob(f"{hw} (1)_*.zip")
    with zipfile.ZipFile(exported) as submission:
        _assert_pdf_of_written_answers(submission.read(f"{hw} (1).pdf"), hw, tmp_path)

    def rnnhw_grade():
        grade([str(exported)], str(tmp_path / "grades"), root=fresh_build)
        return json.loads((tmp_path / "grades" / "report.json").read_text())  # one assignment: no subfolder

    (tmp_path / "otter").mkdir()
    with ThreadPoolExecutor(max_workers=2) as pool:
        report = pool.submit(rnnhw_grade)
        score, printed = pool.submit(plain_otter_run, exported, autograder_zip(hw, fresh_build),
                                     tmp_path / "otter").result()
        report = report.result()
    assert report["totals"] == {exported.name: report["possible"]} and report["possible"] > 0, report["totals"]
    assert score and score[0] == score[1] > 0, f"under otter run: {printed[-4000:]}"


# otter takes the kernel for Colab's when str(get_ipython()) names google.colab (otter/check/utils.py)
LIKE_COLAB = 'type(get_ipython()).__str__ = lambda self: "<google.colab._shell.Shell object>"'
STUDENT_DRIVE = 'DRIVE = "/content/drive/MyDrive"'
# Where each assignment's Colab student keeps the handout: each way the guide gives is tried once.
PLACES = {"hw1_sentiment": "published", "hw2_timeseries": "zip on Drive", "hw3_extrapolation": "folder on Drive",
          "hw4_forecasting": "zip uploaded"}
# The file each download gets: a browser renames a second download, Colab's "Save a copy in Drive" prefixes it.
DOWNLOADS = {"hw1_sentiment": "hw1_sentiment.ipynb", "hw2_timeseries": "hw2_timeseries.ipynb",
             "hw3_extrapolation": "hw3_extrapolation (1).ipynb", "hw4_forecasting": "Copy of hw4_forecasting.ipynb"}


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def colab(fresh_build, tmp_path_factory):
    """Each complete example run in a kernel that otter takes for Colab's, from an empty working
    folder (Colab's /content) with the handout where PLACES says: published at the address given to
    `rnnhw build --handout-url` (served here on the loopback), on a Drive mounted in a scratch
    folder, or uploaded. Gives {hw: (executed notebook, working folder it ended in, its /content)}
    and the folder of the downloads (File > Download > Download .ipynb)."""
    tmp = tmp_path_factory.mktemp("colab")
    published, downloads = tmp / "published", tmp / "downloads"
    published.mkdir(), downloads.mkdir()
    for hw in ASSIGNMENTS:
        shutil.copy(handout_zip(hw, fresh_build), published)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=published))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_port}/"
    runs = {}
    for hw in ASSIGNMENTS:
        content, drive = tmp / hw / "content", tmp / hw / "drive"
        content.mkdir(parents=True), drive.mkdir()
        place = PLACES[hw]
        if place == "zip uploaded":
            shutil.copy(handout_zip(hw, fresh_build), content)
        elif place == "zip on Drive":
            shutil.copy(handout_zip(hw, fresh_build), drive)
        elif place == "folder on Drive":
            _unpack(fresh_build, hw, drive)
        nb = nbformat.read(ROOT / "examples" / "submissions" / hw / "complete.ipynb", as_version=4)
        [setup] = [cell for cell in nb.cells if "HANDOUT_URL =" in cell.source]
        student_setup = setup.source
        if place == "published":
            build(hw, tmp / "built", handout_url=url)
            built = nbformat.read(student_notebook(hw, tmp / "built"), as_version=4)
            [setup.source] = [cell.source for cell in built.cells if "HANDOUT_URL =" in cell.source]
            assert f"HANDOUT_URL = {url + hw + '.zip'!r}" in setup.source
        assert STUDENT_DRIVE in setup.source
        setup.source = setup.source.replace(STUDENT_DRIVE, f"DRIVE = {str(drive)!r}")  # Drive is mounted here
        init = next(i for i, c in enumerate(nb.cells) if "otter.Notebook()" in c.source)
        nb.cells.insert(init + 1, nbformat.v4.new_code_cell("import os\nprint(grader.interpreter, os.getcwd())"))
        nb.cells.insert(0, nbformat.v4.new_code_cell(LIKE_COLAB))
        NotebookClient(nb, timeout=600, kernel_name=STUDENT_KERNEL,
                       resources={"metadata": {"path": str(content)}}).execute()
        interpreter, cwd = nb.cells.pop(init + 2).outputs[0]["text"].split()
        assert interpreter == "IPythonInterpreter.COLAB"
        del nb.cells[0]  # neither added cell is the student's, nor the Drive's scratch path
        setup.source = student_setup
        nbformat.write(nb, downloads / DOWNLOADS[hw])  # File > Download > Download .ipynb
        runs[hw] = nb, Path(cwd), content
    server.shutdown()
    return runs, downloads


@pytest.mark.parametrize("hw", ASSIGNMENTS)
def test_on_colab_the_notebook_finds_its_handout_checks_pass_and_nothing_is_exported(colab, hw):
    runs, _ = colab
    nb, cwd, content = runs[hw]
    on_drive = PLACES[hw] == "folder on Drive"
    assert cwd == (content.parent / "drive" / hw if on_drive else content / hw), f"{PLACES[hw]}: moved into {cwd}"
    shown = _check_outputs(nb)
    assert sorted(shown) == sorted(q.name for q in read_master(master_path(hw))[2] if not q.manual)
    for question, text in shown.items():
        assert "passed!" in text and "failed" not in text, f"{question}: {text[:500]}"
    export = next(c for c in nb.cells if c.cell_type == "code" and "grader.export(" in c.source)
    assert "".join(o.get("text", "") for o in export.outputs).startswith("On Colab: File > Download"), export.outputs
    assert not [p for p in cwd.rglob("*.zip")], "no export zip is written on Colab"


def test_colab_downloads_grade_to_full_marks_with_rnnhw_grade_and_otter_run(colab, fresh_build, tmp_path):
    _, downloads = colab
    grade([str(downloads)], str(tmp_path / "grades"), jobs=2, root=fresh_build)
    for hw in ASSIGNMENTS:
        report = json.loads((tmp_path / "grades" / hw / "report.json").read_text())
        assert report["totals"] == {DOWNLOADS[hw]: report["possible"]} and report["possible"] > 0, \
            (hw, report["totals"])

    # Plain otter run on two of the four downloads (one renamed), one round of two workers (CI's time):
    # off Colab the four differ in nothing that runs (their Colab cell does nothing there), and rnnhw
    # grade took all four.
    def otter_run(hw):
        out = tmp_path / "otter" / hw
        out.mkdir(parents=True)
        return plain_otter_run(downloads / DOWNLOADS[hw], autograder_zip(hw, fresh_build), out)

    plain = ASSIGNMENTS[::2]
    with ThreadPoolExecutor(max_workers=2) as pool:
        for hw, (score, printed) in zip(plain, pool.map(otter_run, plain)):
            assert score and score[0] == score[1] > 0, f"{hw} under otter run: {printed[-4000:]}"
