"""rnnhw grade --engine docker says clearly when no daemon answers; the assignment of a submission
comes from its metadata, read in the prepare stage. (Export zips, broken files and the batch going
on are tested by test_malformed.py, in one batch with the tampering cases.)"""

import shutil
import subprocess
import sys
import zipfile

import pytest

from rnnhw import ROOT


def test_docker_engine_says_clearly_when_no_daemon_answers(tmp_path):
    if shutil.which("docker") and subprocess.run(["docker", "info"], capture_output=True).returncode == 0:
        pytest.skip("a Docker daemon answers here")
    done = subprocess.run([sys.executable, "-m", "rnnhw", "grade", str(tmp_path), "--engine", "docker",
                           "--assignment", "hw1_sentiment"], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode != 0
    assert "needs a running Docker daemon" in done.stderr, done.stderr


def test_the_assignment_comes_from_the_metadata_else_the_folder(tmp_path):
    from rnnhw.grade import Settings, _remove, assignment_of, prepare_submission
    folder = tmp_path / "hw2_timeseries"
    folder.mkdir()
    hw1 = (ROOT / "assignments" / "hw1_sentiment" / "hw1_sentiment.ipynb").read_bytes()
    (folder / "hw1 notebook.ipynb").write_bytes(hw1)
    (folder / "empty.ipynb").write_text("")
    (tmp_path / "empty.ipynb").write_text("")
    with zipfile.ZipFile(folder / "export.zip", "w") as z:  # what grader.export() hands in
        z.writestr("hw1_sentiment.ipynb", hw1)

    def assignment(path):
        prepared = prepare_submission(path, Settings(timeout=60))
        _remove(prepared.work)
        return assignment_of(prepared, path), prepared.report

    for path, expected in [(folder / "hw1 notebook.ipynb", "hw1_sentiment"), (folder / "export.zip", "hw1_sentiment"),
                           (folder / "empty.ipynb", "hw2_timeseries"), (tmp_path / "empty.ipynb", None)]:
        name, report = assignment(path)
        assert name == expected, f"{path.name}: {name}, prepare reported {report}"
