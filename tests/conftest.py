import json
import os
from pathlib import Path

import pytest

from rnnhw.build import build

from helpers import ASSIGNMENTS, SEEDS

# Fixtures that grade or train: a test that takes one is `slow`, left out of `make test-fast`.
SLOW_FIXTURES = {"batch", "validity", "colab", "reference", "gradescope"}


def pytest_collection_modifyitems(items):
    for item in items:
        if SLOW_FIXTURES & set(item.fixturenames):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="session")
def fresh_build(tmp_path_factory) -> Path:
    """Every assignment built anew into a scratch root (the repository's own files stay untouched)."""
    root = tmp_path_factory.mktemp("build")
    for hw in ASSIGNMENTS:
        build(hw, root)
    return root


@pytest.fixture(scope="session")
def batch(fresh_build) -> dict:
    """bad_submissions.py's batch of honest, wrong, flagged, timed-out and broken submissions, graded
    once for the session: test_malformed.py and test_report.py both read it."""
    from bad_submissions import graded_batch
    return graded_batch(fresh_build)


@pytest.fixture(scope="session")
def validity(fresh_build, tmp_path_factory) -> dict:
    """`rnnhw validate` over every assignment: reference, no-checks, blank, wrong, right, seeds.

    With RNNHW_VALIDITY_OUT=DIR (`make validity`) the matrix is also kept as DIR/validity.{json,md}.
    """
    from rnnhw.validate import validate
    out = Path(os.environ.get("RNNHW_VALIDITY_OUT") or tmp_path_factory.mktemp("validity"))
    out.mkdir(parents=True, exist_ok=True)
    # make test cross-checks 10 gradings with otter run instead of 28 (CI's 90 min); make validity all 28
    validate(ASSIGNMENTS, json_path=str(out / "validity.json"), markdown_path=str(out / "validity.md"),
             jobs=2, seeds=SEEDS, spread_otter_runs=not os.environ.get("RNNHW_VALIDITY_OUT"), built=fresh_build)
    return json.loads((out / "validity.json").read_text())


@pytest.fixture(scope="session")
def gradescope(fresh_build, tmp_path_factory) -> dict:
    """Each autograder zip run as Gradescope runs it (tests/gradescope_harness.py) on the complete and
    blank examples and on the tampering cases, once for the session."""
    from gradescope_harness import graded_on_gradescope
    from rnnhw import ROOT
    return graded_on_gradescope(fresh_build, tmp_path_factory.mktemp("gradescope"), ROOT / "examples" / "submissions")
