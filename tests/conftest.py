import os
import subprocess
import sys
from pathlib import Path

import pytest

from rnnhw import assignment_names
from rnnhw.build import build

ASSIGNMENTS = assignment_names()
# Seeds of the validity sweep, per assignment: that many autograder seeds and as many student seeds.
# `make test` grades 2 of each, to stay within CI's time (calibration.json records the reference's
# graded metric under 20 training seeds, and test_calibration checks every one of them passes);
# `make validity` grades 10 of each (RNNHW_SEEDS=10).
SEEDS = int(os.environ.get("RNNHW_SEEDS", "2"))


@pytest.fixture(scope="session")
def fresh_build(tmp_path_factory) -> Path:
    """Every assignment built anew into a scratch root (the repository's own files stay untouched)."""
    root = tmp_path_factory.mktemp("build")
    for hw in ASSIGNMENTS:
        build(hw, root)
    return root


@pytest.fixture(scope="session")
def batch(fresh_build) -> dict:
    """test_malformed.py's batch of honest, wrong, flagged, timed-out and broken submissions, graded
    once for the session: test_malformed.py and test_report.py both read it."""
    from test_malformed import graded_batch
    return graded_batch(fresh_build)


@pytest.fixture(scope="session")
def validity(tmp_path_factory) -> dict:
    """`rnnhw validate` over every assignment: reference, no-checks, blank, wrong, right, seeds.

    With RNNHW_VALIDITY_OUT=DIR (`make validity`) the matrix is also kept as DIR/validity.{json,md}.
    """
    from rnnhw.validate import validate
    out = Path(os.environ.get("RNNHW_VALIDITY_OUT") or tmp_path_factory.mktemp("validity"))
    out.mkdir(parents=True, exist_ok=True)
    # make test cross-checks 10 gradings with otter run instead of 28 (CI's 90 min); make validity all 28
    validate(ASSIGNMENTS, json_path=str(out / "validity.json"), markdown_path=str(out / "validity.md"),
             jobs=2, seeds=SEEDS, spread_otter_runs=not os.environ.get("RNNHW_VALIDITY_OUT"))
    import json
    return json.loads((out / "validity.json").read_text())


def plain_otter_run(notebook: Path, zip_path: Path, out: Path, timeout: int = 900) -> tuple[tuple | None, str]:
    """`otter.run.main` on `notebook` in a child Python, no sandbox, as Gradescope's harness calls it:
    ((total, possible), or None if it printed none; everything it printed)."""
    code = (f"import otter.run\nr = otter.run.main({str(notebook)!r}, autograder={str(zip_path)!r}, "
            f"output_dir={str(out)!r}, no_logo=True)\nprint('SCORE', r.total, r.possible)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=out, timeout=timeout,
                          env={**os.environ, "TF_CPP_MIN_LOG_LEVEL": "2"})
    score = next((tuple(map(float, line.split()[1:])) for line in done.stdout.splitlines()
                  if line.startswith("SCORE")), None)
    return score, done.stdout + done.stderr
