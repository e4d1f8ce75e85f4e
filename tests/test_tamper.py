"""Tampering never raises a grade: each attempt in tests/submissions/tamper/ (graded in the batch of
test_malformed.py) scores at most what its honest answers earn alone, and is flagged for review.
Honest submissions scan clean, so no one is flagged for doing the homework."""

import re
from pathlib import Path

import nbformat
import pytest

from rnnhw import ROOT
from rnnhw.scan import scan_notebook
from rnnhw.submissions import apply_change, read_change

from conftest import ASSIGNMENTS
from test_malformed import batch, build_notebook, cases_of, fast_notebook, read_case  # noqa: F401 - fixture

TAMPER = sorted((ROOT / "tests" / "submissions" / "tamper").glob("*.py"))


def test_there_are_tamper_cases():
    assert len(TAMPER) >= 8


@pytest.mark.parametrize("name", [c.name for c in cases_of("tamper")])
def test_tampering_scores_no_more_than_the_honest_answers_and_is_flagged(batch, name):
    _, case = batch["cases"][name]
    row, fast = batch["table"].loc[name], batch["alone"].loc["honest fast.ipynb"]
    assert row["total_points_earned"] <= fast["total_points_earned"], row
    for q in batch["questions"]:
        assert row[q] <= fast[q], f"{name} {q}: {row[q]} > {fast[q]} earned by the honest answers"
    assert row["grading_status"].startswith("FLAGGED for review"), row["grading_status"]
    if case.caught == "scan":
        assert "(not run)" in row["grading_status"], "a notebook the scan flags must not be executed"


def test_a_crafted_otter_log_is_never_unpickled(batch):
    row, fast = batch["table"].loc["crafted otter log.zip"], batch["alone"].loc["honest fast.ipynb"]
    assert not batch["marker"].exists(), "the .OTTER_LOG in the zip was unpickled: its code ran"
    assert ".OTTER_LOG was not read" in row["grading_status"]
    # honest export zips carry a .OTTER_LOG too: it is dropped, not held against the student
    assert row["total_points_earned"] == fast["total_points_earned"]


def test_rewriting_the_hidden_tests_is_caught_while_grading(batch):
    status = batch["table"].loc["edits_hidden_tests_disguised.ipynb", "grading_status"]
    assert "rewrote the hidden tests" in status, status
    # the attack works on otter alone: the score it would have given is above the honest one
    otter_gave = float(re.search(r"otter gave ([\d.]+)/", status).group(1))
    assert otter_gave > batch["alone"].loc["honest fast.ipynb", "total_points_earned"], status


@pytest.mark.parametrize("path", TAMPER, ids=lambda p: p.stem)
def test_scan_catches_what_it_claims(fresh_build, path):
    case, change = read_case(path)
    findings = scan_notebook(build_notebook(fast_notebook(fresh_build), change))
    if case.caught == "scan":
        assert findings, f"{path.name}: the scan should flag it"
    else:
        assert not findings, f"{path.name} claims the scan misses it, found {findings}: update `# caught:`"


def honest_notebooks(root: Path):
    for hw in ASSIGNMENTS:
        reference = root / "autograder" / hw / f"{hw}.ipynb"
        yield f"{hw}/reference", nbformat.read(reference, as_version=4)
        yield f"{hw}/student", nbformat.read(root / "assignments" / hw / f"{hw}.ipynb", as_version=4)
        for example in sorted((ROOT / "examples" / "submissions" / hw).glob("*.ipynb")):
            yield f"examples/{hw}/{example.name}", nbformat.read(example, as_version=4)
        for kind in ["right", "wrong"]:
            for path in sorted((ROOT / "tests" / "submissions" / hw / kind).glob("*.py")):
                yield f"{hw}/{kind}/{path.name}", apply_change(nbformat.read(reference, as_version=4),
                                                               read_change(path))


def test_honest_submissions_scan_clean(fresh_build):
    flagged = {name: findings for name, nb in honest_notebooks(fresh_build) if (findings := scan_notebook(nb))}
    assert not flagged


def test_common_honest_lines_scan_clean():
    honest = ["import gc\ngc.collect()", "import pandas as pd\npd.options.display.max_rows = 20",
              "import matplotlib.pyplot as plt\nplt.rcParams['figure.figsize'] = (8, 3)",
              "import numpy as np\nnp.random.seed(0)\nx = np.arange(3)\nx.shape = (3, 1)"]
    for source in honest:
        nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(source)])
        assert scan_notebook(nb) == [], source
    caught = "import gc\nfor o in gc.get_objects():\n    pass"
    assert scan_notebook(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(caught)]))
