"""rnnhw grade --engine docker says clearly when no daemon answers; the assignment of a submission
comes from its metadata, read in the prepare stage; `--help` imports nothing heavy, and a library
error is printed as one line. (Export zips, broken files and the batch going on are tested by
test_malformed.py, in one batch with the tampering cases.)"""

import shutil
import subprocess
import sys
import zipfile

import pytest

from rnnhw import ROOT, student_notebook


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
    hw1 = student_notebook("hw1_sentiment").read_bytes()
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


@pytest.mark.parametrize("command", [[], ["build"], ["grade"], ["validate"], ["calibrate"], ["examples"], ["report"],
                                     ["bench"]])
def test_help_imports_nothing_heavy(command):
    code = ("import runpy, sys\nsys.argv = ['rnnhw', *sys.argv[1:], '--help']\n"
            "try:\n    runpy.run_module('rnnhw', run_name='__main__')\nexcept SystemExit:\n    pass\n"
            "print(sorted({m.split('.')[0] for m in sys.modules} & {'otter', 'pandas', 'dill', 'tensorflow', 'keras', "
            "'nbformat', 'nbclient', 'numpy'}))")
    done = subprocess.run([sys.executable, "-c", code, *command], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "[]", done.stdout


def test_a_library_error_is_printed_and_exits_1(tmp_path):
    done = subprocess.run([sys.executable, "-m", "rnnhw", "grade", str(tmp_path / "nothing here")],
                          capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 1
    assert done.stderr.strip() == f"no such file or folder: {tmp_path / 'nothing here'}", done.stderr
