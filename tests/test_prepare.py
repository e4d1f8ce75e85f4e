"""`rnnhw.prepare.prepare`, the first stage of grading, on every malformed file of the batch, in this
process and without a kernel: what it refuses and why, what it notes, and that what it writes is a
plain notebook for the kernel the grader uses. The batch (test_malformed.py) checks the same files
end to end, in the sandbox, in minutes; these take seconds."""

import json
import re

import nbformat
import pytest

from rnnhw.prepare import KERNELSPEC, MAX_NOTEBOOK_BYTES, Unfit, prepare

from bad_submissions import HW, OTHER_HW, fast_notebook, generated_cases

# What prepare says of each generated file: refused (the reason's words), or read with a note.
REFUSED = {
    "empty.ipynb": "no JSON in it",
    "not json.ipynb": "not JSON",
    "json not a notebook.ipynb": "no nbformat version",
    "deeply nested json.ipynb": "nested too deep",
    "export without notebook.zip": "holds 0 notebooks",
    "garbage.zip": "not a zip file",
    "zip bomb.zip": "the notebook in the zip is 600 MB",
    "too large.ipynb": f"larger than {MAX_NOTEBOOK_BYTES // 2**20} MB",
}
NOTED = {
    "Übung Nº2 – élève v3.ipynb": ["converted from nbformat 3"],
    "cell sources not text.ipynb": [f"cell {n}'s source is not text and was graded as empty" for n in (1, 2)],
    "export with extra files.zip": ["ignored 3 other file(s) in the zip: numpy.py, otter/__init__.py, notes.txt"],
    "crafted otter log.zip": ["the zip's .OTTER_LOG was not read"],
    "a cell that is no cell.ipynb": ["cell 1 is not a notebook cell and was left out"],
}
READ_AS_IS = ["another assignment.ipynb", "200 MB of outputs.ipynb", "kernelspec rnn-course.ipynb",
              "q6 on a model of the notebook's class.ipynb"]


@pytest.fixture(scope="module")
def files(fresh_build, tmp_path_factory):
    """The batch's generated files, and two more that only prepare needs to see."""
    folder = tmp_path_factory.mktemp("bad_files")
    fast = fast_notebook(fresh_build)
    names = [case.name for case in generated_cases(folder, fresh_build, fast, folder / "unpickled")]
    # past the size limit; sparse, so that writing it costs nothing
    with open(folder / "too large.ipynb", "wb") as f:
        f.truncate(MAX_NOTEBOOK_BYTES + 1)
    odd = json.loads(nbformat.writes(fast))
    odd["cells"].insert(0, {"cell_type": "widget", "metadata": {}, "source": "x = 1"})
    (folder / "a cell that is no cell.ipynb").write_text(json.dumps(odd))
    nbformat.write(fast, folder / "honest fast.ipynb")
    return folder, names + ["too large.ipynb", "a cell that is no cell.ipynb", "honest fast.ipynb"]


def test_every_file_of_the_batch_is_checked_here(files):
    _, names = files
    assert sorted(names) == sorted([*REFUSED, *NOTED, *READ_AS_IS, "honest fast.ipynb"])


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_a_file_that_is_no_notebook_is_refused_with_its_reason(files, tmp_path, name):
    folder, _ = files
    with pytest.raises(Unfit, match=re.escape(REFUSED[name])):
        prepare(str(folder / name), str(tmp_path / "out.ipynb"))
    assert not (tmp_path / "out.ipynb").exists()


@pytest.mark.parametrize("name", sorted(NOTED) + READ_AS_IS + ["honest fast.ipynb"])
def test_what_can_be_read_is_written_clean_for_the_graders_kernel(files, tmp_path, name):
    folder, _ = files
    report = prepare(str(folder / name), str(tmp_path / "out.ipynb"))
    assert report["notes"] == NOTED.get(name, []), report["notes"]
    assert report["assignment"] == (OTHER_HW if name == "another assignment.ipynb" else HW)
    assert report["flags"] == [], report["flags"]
    written = nbformat.read(tmp_path / "out.ipynb", as_version=nbformat.NO_CONVERT)
    nbformat.validate(written)
    assert written.nbformat == 4 and written.metadata["kernelspec"] == KERNELSPEC
    code = [c for c in written.cells if c.cell_type == "code"]
    assert code and all(c.outputs == [] and c.execution_count is None for c in code)
    assert all(isinstance(c.source, str) for c in written.cells)
