"""Builds the student notebook and the autograder zip of each assignment with Otter Assign."""

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import nbformat

from . import ROOT, RnnhwError, autograder_zip, handout_zip, master_path
from .autograder import package
from .masters import read_master, support_files


def _normalise(notebook: Path, hw: str) -> None:
    """Give every cell a stable id: Otter Assign draws new random ids for the cells it adds."""
    nb = nbformat.read(notebook, as_version=4)
    for index, cell in enumerate(nb.cells):
        cell.id = f"{hw}-{index:03d}"
    nbformat.write(nb, notebook)


GUIDE = Path(__file__).with_name("student_guide.md")
# Before otter's first cell. On Colab a notebook opens with nothing beside it and without otter: the
# cell installs otter and moves into the handout, wherever the guide says it may be. Elsewhere it does
# nothing. (otter's own `tests.url_prefix` downloads tests on JupyterLite only, so the URL is ours.)
COLAB_SETUP = """# On Google Colab only (see the guide above): install otter, find the handout, work in its folder.
import os
import urllib.request
import zipfile
HANDOUT_URL = {url!r}  # where your instructor published {hw}.zip, if they did
DRIVE = "/content/drive/MyDrive"
if "google.colab" in str(get_ipython()):
    get_ipython().run_line_magic("pip", "install -q otter-grader==7.0.0")
    folders, zips = ["{hw}", os.path.join(DRIVE, "{hw}")], ["{hw}.zip", os.path.join(DRIVE, "{hw}.zip")]
    if os.path.basename(os.getcwd()) != "{hw}":
        if not any(map(os.path.isdir, folders)):
            if HANDOUT_URL and not any(map(os.path.isfile, zips)):
                urllib.request.urlretrieve(HANDOUT_URL, "{hw}.zip")
            for handout in filter(os.path.isfile, zips):
                zipfile.ZipFile(handout).extractall()
                break
        for folder in filter(os.path.isdir, folders):
            os.chdir(folder)
            break
    if os.path.basename(os.getcwd()) != "{hw}":
        print("The handout is not here: upload {hw}.zip (Files pane, on the left), then run this cell again.")"""
# On Colab otter refuses to export (RuntimeError), and elsewhere its PDF of the written answers needs
# pandoc and xelatex (nbconvert's LaTeX route, otter's default): the export cell says what to submit
# instead, rather than leave a half-written zip behind an exception.
EXPORT_ON_COLAB = (
    "import shutil\n"
    'if "google.colab" in str(get_ipython()):\n'
    '    print("On Colab: File > Download > Download .ipynb, and submit that notebook, with a PDF of it "\n'
    '          "for the written answers (File > Print, then Save as PDF).")\n'
    'elif not (shutil.which("pandoc") and shutil.which("xelatex")):\n'
    '    print("No pandoc or no xelatex here, so no PDF of your written answers (see the guide at the top): "\n'
    '          "the zip holds the notebook only. Submit it, with a PDF of the notebook made another way.")\n'
    "    grader.export(pdf=False)\n"
    "else:\n"
    "    {call}")


def _only_cell(nb, text: str, hw: str):
    found = [cell for cell in nb.cells if cell.cell_type == "code" and text in cell.source]
    if len(found) != 1:
        raise RnnhwError(f"expected one cell with {text} in the student notebook of {hw}, found {len(found)}")
    return found[0]


def _for_students(notebook: Path, hw: str, data_files: list[str], handout_url: str | None) -> None:
    """What otter assign's student notebook lacks to work wherever students work:
    - the first cell names no file: `otter.Notebook("hw.ipynb")` fails in a copy the browser renamed
      ("hw (1).ipynb"); with no name otter finds the notebook itself and reads tests/;
    - on Colab, a cell before otter's installs otter and moves into the handout: unpacked or zipped,
      uploaded or on the student's Drive, or downloaded from `handout_url` (where the instructor
      publishes the handout zips);
    - the export cell does not call otter's export on Colab, where it raises;
    - a guide on top (student_guide.md): where to work, what to install, Colab, time, checks, seeds."""
    nb = nbformat.read(notebook, as_version=4)
    named = f'otter.Notebook("{hw}.ipynb")'
    init = _only_cell(nb, named, hw)
    init.source = init.source.replace(named, "otter.Notebook()")
    url = handout_url and f"{handout_url.rstrip('/')}/{hw}.zip"
    colab = COLAB_SETUP.replace("{hw}", hw).replace("{url!r}", repr(url))
    nb.cells.insert(nb.cells.index(init), nbformat.v4.new_code_cell(colab))
    export = _only_cell(nb, "grader.export(", hw)
    lines = export.source.splitlines()
    export.source = "\n".join(lines[:-1] + [EXPORT_ON_COLAB.format(call=lines[-1])])
    keep = ["the `tests/` folder", *(f"`{name}`" for name in data_files)]
    keep = " and ".join([", ".join(keep[:-1]), keep[-1]] if len(keep) > 1 else keep)
    nb.cells.insert(0, nbformat.v4.new_markdown_cell(GUIDE.read_text().strip().format(hw=hw, keep=keep)))
    nbformat.write(nb, notebook)


def build(hw: str, root: Path = ROOT, handout_url: str | None = None) -> None:
    """otter assign solutions/<hw> -> root/assignments/<hw>/ (notebook, public tests as files, data), its
    zip root/assignments/<hw>.zip to hand out, and root/autograder/<hw>/. With `handout_url` (the
    address under which the zips will be published), the notebook downloads <handout_url>/<hw>.zip on
    Colab when the student has neither uploaded it nor put it on Drive."""
    print(f"[build] {hw}: otter assign", flush=True)
    with tempfile.TemporaryDirectory(prefix=f"rnnhw-build-{hw}-") as tmp:
        # otter assign ships only files in the master's folder and reads the requirements at the
        # master's `../../requirements.txt`: a copy of that layout, with the data files from data/
        staged = Path(tmp) / "solutions" / hw
        shutil.copytree(master_path(hw).parent, staged)
        for path in support_files(master_path(hw)):
            shutil.copy(path, staged)
        shutil.copy(ROOT / "requirements.txt", Path(tmp) / "requirements.txt")
        out = Path(tmp) / "dist"
        done = subprocess.run(
            [sys.executable, "-m", "otter", "assign", "--no-run-tests", str(staged / f"{hw}.ipynb"), str(out)],
            capture_output=True, text=True,
        )
        if done.returncode != 0:
            raise RnnhwError(f"otter assign failed for {hw}:\n{done.stdout}\n{done.stderr}")

        student = root / "assignments" / hw
        shutil.rmtree(student, ignore_errors=True)
        shutil.copytree(out / "student", student)
        _for_students(student / f"{hw}.ipynb", hw, read_master(master_path(hw))[1].get("files", []), handout_url)
        _normalise(student / f"{hw}.ipynb", hw)
        shutil.make_archive(str(handout_zip(hw, root).with_suffix("")), "zip", student.parent, hw)

        grader = root / "autograder" / hw
        shutil.rmtree(grader, ignore_errors=True)
        grader.mkdir(parents=True)
        zips = list((out / "autograder").glob(f"{hw}-autograder_*.zip"))
        if len(zips) != 1:
            raise RnnhwError(f"expected one autograder zip for {hw}, found {zips}")
        shutil.copy(zips[0], autograder_zip(hw, root))
        shutil.copy(out / "autograder" / f"{hw}.ipynb", grader / f"{hw}.ipynb")
        _normalise(grader / f"{hw}.ipynb", hw)
        written = {q.name: q.points or 0 for q in read_master(master_path(hw))[2] if q.manual}
        package(autograder_zip(hw, root), grader / f"{hw}.ipynb", written)
    print(f"[build] {hw}: {student.relative_to(root)}/, {handout_zip(hw, root).relative_to(root)} and "
          f"{autograder_zip(hw, root).relative_to(root)}",
          flush=True)
