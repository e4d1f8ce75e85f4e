"""rnnhw grade keeps going on submissions that are not notebooks, and says why they got 0."""

import shutil
import subprocess
import sys

import pytest

from rnnhw import ROOT
from rnnhw.grade import grade


def test_files_that_are_not_notebooks_get_zero_and_a_reason(fresh_build, tmp_path):
    folder = tmp_path / "hw1_sentiment"
    folder.mkdir()
    (folder / "empty.ipynb").write_text("")
    (folder / "not json.ipynb").write_text("this is not a notebook")
    table = grade([str(folder)], str(tmp_path / "out"), jobs=2, root=fresh_build)["hw1_sentiment"]
    table = table.set_index("file")
    assert (tmp_path / "out" / "final_grades.csv").exists()
    for name in ["empty.ipynb", "not json.ipynb"]:
        assert table.loc[name, "total_points_earned"] == 0
        assert "JSON" in table.loc[name, "grading_status"]


def test_docker_engine_says_clearly_when_no_daemon_answers(tmp_path):
    if shutil.which("docker") and subprocess.run(["docker", "info"], capture_output=True).returncode == 0:
        pytest.skip("a Docker daemon answers here")
    done = subprocess.run([sys.executable, "-m", "rnnhw", "grade", str(tmp_path), "--engine", "docker",
                           "--assignment", "hw1_sentiment"], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode != 0
    assert "needs a running Docker daemon" in done.stderr, done.stderr
