import os
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
    validate(ASSIGNMENTS, json_path=str(out / "validity.json"), markdown_path=str(out / "validity.md"),
             jobs=2, seeds=SEEDS)
    import json
    return json.loads((out / "validity.json").read_text())
