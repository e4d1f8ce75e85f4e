"""rnnhw grade: export zips are graded, files that are not notebooks get 0 and a reason, the batch
goes on, and the Docker engine says clearly when no daemon answers."""

import shutil
import subprocess
import sys
import zipfile

import pytest

from rnnhw import ROOT
from rnnhw.grade import grade


def test_a_batch_with_broken_files_and_an_export_zip(fresh_build, tmp_path):
    folder = tmp_path / "hw2_timeseries"
    folder.mkdir()
    (folder / "empty.ipynb").write_text("")
    (folder / "not json.ipynb").write_text("this is not a notebook")
    with zipfile.ZipFile(folder / "export.zip", "w") as z:  # what grader.export() hands in
        z.write(fresh_build / "autograder" / "hw2_timeseries" / "hw2_timeseries.ipynb", "hw2_timeseries.ipynb")
    table = grade([str(folder)], str(tmp_path / "out"), jobs=2, root=fresh_build)["hw2_timeseries"]
    table = table.set_index("file")
    assert (tmp_path / "out" / "final_grades.csv").exists()
    assert (tmp_path / "out" / "results" / "export.zip" / "results.json").exists()
    assert table.loc["export.zip", "percent_correct"] == 1.0
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
