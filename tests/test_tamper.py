"""Tampering never raises a grade: each attempt in tests/submissions/tamper/ (graded in the batch of
test_malformed.py) scores at most what its honest answers earn alone; what the scan catches is not
run, what the run catches is flagged; nothing of the instructor's is read and no code of a
submission runs outside its sandbox. The attacks are real: graded by plain `otter run`, the ones
the sandbox stops work. Honest submissions scan clean, so no one is flagged for doing the homework."""

import os
from pathlib import Path

import nbformat
import pytest

from rnnhw import ROOT, autograder_zip, reference_notebook, student_notebook
from rnnhw.scan import scan_notebook
from rnnhw.submissions import apply_change, read_change

from helpers import ASSIGNMENTS, plain_otter_run
from bad_submissions import (HW, assert_status_says, build_notebook, copy, cases_of, fast_notebook, blank_notebook,
                            honest_part, read_case)

TAMPER = sorted((ROOT / "tests" / "submissions" / "tamper").glob("*.py"))


def test_there_are_tamper_cases():
    assert len(TAMPER) >= 20


@pytest.mark.parametrize("name", [c.name for c in cases_of("tamper")] + ["crafted otter log.zip"])
def test_tampering_scores_no_more_than_its_honest_answers(batch, name):
    _, case = batch["cases"][name]
    if case.caught == "no":
        pytest.skip("a known hole: test_known_holes_still_gain_points")
    row = batch["table"].loc[name]
    for q in batch["questions"]:
        assert row[q] <= honest_part(batch, case, q), f"{name} {q}: {row[q]} > {honest_part(batch, case, q)}"
    status = row["grading_status"]
    if case.caught in ("scan", "runtime"):
        assert status.startswith("FLAGGED for review"), status
    if case.caught == "scan":
        assert "(not run)" in status, "a notebook the scan flags must not be executed"
    if case.caught == "runtime":
        assert "(not run)" not in status, f"{name} claims to be caught at run time: update `# caught:`"
    assert_status_says(case, status)


def test_known_holes_still_gain_points(batch):
    """The README's "still not handled" rows, measured: each case marked `# caught: no` earns more
    than its honest answers. When one stops, its hole is closed: update the README and the case."""
    holes = [c for c in cases_of("tamper") if c.caught == "no"]
    assert holes
    for case in holes:
        row = batch["table"].loc[case.name]
        gained = [q for q in batch["questions"] if row[q] > honest_part(batch, case, q)]
        assert gained, f"{case.name} no longer gains points ({row['grading_status']})"
        assert_status_says(case, row["grading_status"])  # what the status tells the instructor


def test_a_crafted_otter_log_is_never_unpickled(batch):
    row, fast = batch["table"].loc["crafted otter log.zip"], batch["alone"].loc["honest fast.ipynb"]
    assert not batch["marker"].exists(), "the .OTTER_LOG in the zip was unpickled: its code ran"
    assert ".OTTER_LOG was not read" in row["grading_status"]
    # honest export zips carry a .OTTER_LOG too: it is dropped, not held against the student
    assert row["total_points_earned"] == fast["total_points_earned"]


def test_nothing_of_the_instructors_is_read(batch):
    token = batch["canary"].read_text()
    for path in batch["out"].rglob("*"):
        if path.is_file():
            assert token not in path.read_text(errors="replace"), f"the canary reached {path}"
    assert "canary-was-read" not in batch["outside files"]


def test_no_code_of_a_submission_runs_outside_its_sandbox(batch):
    # each of these files is written by a case's code, if it runs where it should not
    for name in ["unpickled-by-the-grader", "log-server-unpickled", "two-gib", "daemon-alive"]:
        assert name not in batch["outside files"]


def test_a_forged_kernel_verdict_is_caught_outside_the_kernel(batch):
    fast_total = batch["alone"].loc["honest fast.ipynb", "total_points_earned"]
    for name in ["checker_reached_by_getattr.ipynb", "event_hook_rewrites_results.ipynb",
                 "rewrites_tests_restores_at_exit.ipynb"]:
        status = batch["table"].loc[name, "grading_status"]
        # the attack works on otter's own verdict: its kernel passed test cases its answers fail
        assert "fail on its answers outside the kernel" in status, status
        if name == "rewrites_tests_restores_at_exit.ipynb":
            # its thread races otter for the test files (a file read while it rewrites it fails), so
            # otter's total varies run to run: above the honest 7 in earlier runs, 6/12 in one
            continue
        otter_gave = float(status.split("otter gave ")[1].split("/")[0])
        assert otter_gave > fast_total, status


def test_the_attacks_work_without_the_sandbox(batch, tmp_path):
    """The blank notebook (its check cells deleted) that searches the instructor's files and the pickle
    sent to the log server, in one notebook graded by plain `otter run`: full marks, the canary read,
    the pickle run."""
    outside = tmp_path / "outside"
    outside.mkdir()
    paths = {**batch["paths"], "__OUTSIDE__": str(outside)}
    # The attacker deletes the check cells: under otter run each check grades its question where it
    # runs and otter keeps that verdict, so the blank answers' failures would stand.
    nb = copy(batch["bases"]["blank"])
    nb.cells = [cell for cell in nb.cells if "grader.check(" not in cell.source]
    for case in ["blank_searches_the_instructors_files", "pickle_to_the_log_server"]:
        nb = build_notebook(nb, read_case(ROOT / "tests" / "submissions" / "tamper" / f"{case}.py")[1], paths)
    nbformat.write(nb, tmp_path / "attacks.ipynb")
    zip_path = autograder_zip(HW, batch["root"])
    score, printed = plain_otter_run(tmp_path / "attacks.ipynb", zip_path, tmp_path, timeout=600)
    assert score and score[0] == score[1] > 0, printed[-4000:]
    assert sorted(os.listdir(outside)) == ["canary-was-read", "log-server-unpickled"]
    assert batch["canary"].read_text() in printed


@pytest.mark.parametrize("path", TAMPER, ids=lambda p: p.stem)
def test_scan_catches_what_it_claims(fresh_build, path):
    case, change = read_case(path)
    base = blank_notebook(fresh_build) if case.base == "blank" else fast_notebook(fresh_build)
    paths = {"__OUTSIDE__": "/some/folder", "__GRADES__": "/some/grades.csv", "__SEARCH__": ["/some"]}
    findings = scan_notebook(build_notebook(base, change, paths))
    if case.caught == "scan":
        assert findings, f"{path.name}: the scan should flag it"
    else:
        assert not findings, f"{path.name} claims the scan misses it, found {findings}: update `# caught:`"


def honest_notebooks(root: Path):
    for hw in ASSIGNMENTS:
        reference = reference_notebook(hw, root)
        yield f"{hw}/reference", nbformat.read(reference, as_version=4)
        yield f"{hw}/student", nbformat.read(student_notebook(hw, root), as_version=4)
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
