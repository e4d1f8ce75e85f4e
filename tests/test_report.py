"""The class report and the feedback files: their figures are final_grades.csv's, every lost question
is named, and nothing of a hidden test (its code, a threshold) reaches what a student reads.

The real grading run is test_malformed.py's batch (honest, wrong, flagged, timed-out and broken
submissions), graded once for every test module that reads it."""

import ast
import json
import os
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest

from rnnhw import autograder_zip, master_path
from rnnhw.calibrate import threshold_tests
from rnnhw.masters import otter_case_names, read_master
from rnnhw.report import FEEDBACK_DIR, REPORT_HTML, REPORT_JSON, student_message, write_report

from helpers import ASSIGNMENTS
from bad_submissions import HW

OTTER_MESSAGE = ("❌ Test case failed\nError at line 12 in test q3:\n"
                 "      assert skill >= THRESHOLD, f\"a skill of {skill:.3f}, too low\"\n"
                 "AssertionError: a skill of 0.012, too low")


def test_a_students_message_keeps_the_reason_not_the_tests_code():
    assert student_message(OTTER_MESSAGE) == "a skill of 0.012, too low"
    assert student_message("❌ Test case failed\nError at line 3 in test q1:\n  buffer.add(1)\n"
                           "NameError: name 'Buffer' is not defined") == "NameError: name 'Buffer' is not defined"
    assert student_message("ValueError: expected 3 windows") == "ValueError: expected 3 windows"


@pytest.mark.parametrize("hw", ASSIGNMENTS)
def test_every_hidden_test_says_what_failed_without_a_threshold(hw):
    """A failure message reaches the student (feedback, Gradescope once published): each assert has one,
    and it may say what the model reached, never the calibrated value it had to reach."""
    _, _, questions = read_master(master_path(hw))
    found, silent = [], []
    for q in questions:
        for source in q.hidden_tests:
            for node in ast.walk(ast.parse(source)):
                if isinstance(node, ast.Assert) and node.msg is None:  # a bare AssertionError tells nothing
                    silent.append(f"{q.name}: assert {ast.unparse(node.test)[:80]}")
                elif isinstance(node, ast.Assert):
                    names = {n.id for n in ast.walk(node.msg) if isinstance(n, ast.Name)}
                    found += [f"{q.name}: {ast.unparse(node.msg)[:80]}" for _ in names & {"THRESHOLD"}]
    assert not found, f"{hw}: failure messages that state the threshold: {found}"
    assert not silent, f"{hw}: hidden-test asserts without a message for the student: {silent}"
    if threshold_tests(hw):  # the name this check looks for is the one the threshold tests use
        assert any("assert skill >= THRESHOLD" in s for q in questions for s in q.hidden_tests)


@pytest.mark.parametrize("hw", ASSIGNMENTS)
def test_graded_trainings_are_found_under_the_names_otter_gives_their_cases(hw, fresh_build):
    """The report counts who passed each threshold test by its case's name in results.json ("q3 - 2"):
    those names are the ones otter gives the test cases of the built zip."""
    import zipfile
    from otter.test_files.exception_test import ExceptionTestFile
    names = otter_case_names(read_master(master_path(hw))[2])
    with zipfile.ZipFile(autograder_zip(hw, fresh_build)) as archive:
        for test in threshold_tests(hw):
            question = names[test].split(" - ")[0]
            cases = ExceptionTestFile.from_string(archive.read(f"tests/{question}.py").decode(), path=f"{question}.py")
            assert {c.name: c.body.test_func.__name__ for c in cases.test_cases}[names[test]] == test


def _results(tmp_path: Path, name: str, tests: dict, status="Completed", flags=()) -> None:
    folder = tmp_path / "results" / name
    folder.mkdir(parents=True)
    data = {"file": name, "score": sum(t["score"] for t in tests.values()),
            "possible": sum(t["possible"] for t in tests.values()), "status": status, "flags": list(flags),
            "seconds": 20.0, "tests": tests}
    (folder / "results.json").write_text(json.dumps(data))


def _question(score, possible, failed=()) -> dict:
    cases = [{"name": f"q - {i}", "points": 1, "hidden": True, "passed": False, "message": m}
             for i, m in enumerate(failed)]
    return {"score": score, "possible": possible, "cases": cases}


def test_figures_and_feedback_of_a_small_class(tmp_path):
    _results(tmp_path, "a.ipynb", {"q1": _question(2, 2), "q2": _question(1, 1)})
    _results(tmp_path, "b.ipynb", {"q1": _question(0, 2, [OTTER_MESSAGE, OTTER_MESSAGE]), "q2": _question(1, 1)})
    _results(tmp_path, "c.ipynb", {}, status="FLAGGED for review (score withheld): reads the tests", flags=["x"])
    write_report(tmp_path)
    report = json.loads((tmp_path / REPORT_JSON).read_text())
    assert report["totals"] == {"a.ipynb": 3, "b.ipynb": 1, "c.ipynb": 0}
    assert report["questions"]["q1"]["mean"] == pytest.approx(2 / 3)
    assert report["questions"]["q1"]["full_marks"] == 1
    assert report["questions"]["q1"]["most_failed_hidden_test"]["message"] == "a skill of 0.012, too low"
    assert report["questions"]["q2"]["full_marks"] == 2  # c's flagged row has no points there
    assert [(p["file"], p["kind"]) for p in report["problems"]] == [("c.ipynb", "flagged")]
    feedback = (tmp_path / FEEDBACK_DIR / "b.ipynb.md").read_text()
    assert "## q1: 0 of 2" in feedback and "a skill of 0.012, too low" in feedback
    assert "THRESHOLD" not in feedback and "Error at line" not in feedback


def test_written_answers_are_pending_not_zero(tmp_path):
    """Written questions are graded by hand from the PDF: no results.json has them, and the report and
    every feedback file list them as pending, with their points, outside the totals, without the rubric."""
    hw = "hw1_sentiment"
    written = {q.name: q for q in read_master(master_path(hw))[2] if q.manual}
    assert written
    _results(tmp_path, "a.ipynb", {"q1": _question(2, 2)})
    _results(tmp_path, "b.ipynb", {"q1": _question(0, 2, [OTTER_MESSAGE])})
    write_report(tmp_path, assignment=hw)
    report = json.loads((tmp_path / REPORT_JSON).read_text())
    assert report["totals"] == {"a.ipynb": 2, "b.ipynb": 0} and report["possible"] == 2
    assert report["written"] == {q: {"possible": w.points, "pending": 2} for q, w in written.items()}
    assert set(report["questions"]) == {"q1"}
    rubric = {line.strip() for w in written.values() for line in w.rubric.splitlines() if len(line.strip()) > 12}
    page = (tmp_path / REPORT_HTML).read_text()
    assert all(f"<td>{q}</td><td>{w.points:g}</td><td>pending for 2</td>" in page for q, w in written.items())
    for name in ["a.ipynb", "b.ipynb"]:
        feedback = (tmp_path / FEEDBACK_DIR / f"{name}.md").read_text()
        for q, w in written.items():
            assert f"## {q}: pending: graded by hand from your PDF ({w.points:g} points)" in feedback
        assert f"Written answers: {sum(w.points for w in written.values()):g} more points, pending" in feedback
        assert "pending: graded by hand" in (tmp_path / FEEDBACK_DIR / f"{name}.html").read_text()
        assert not [line for line in rubric if line in feedback or line in page]


def test_gradescope_results_as_otter_writes_them(tmp_path):
    """otter's own classes write the results.json Gradescope keeps; the report reads its questions."""
    from otter.run.run_autograder.autograder_config import AutograderConfig
    from otter.test_files import GradingResults
    from otter.test_files.exception_test import ExceptionTestFile
    test_file = ExceptionTestFile.from_string(
        "from otter.test_files import test_case\nname = 'q1'\npoints = 2\n\n"
        "@test_case(points=1, hidden=False)\ndef test_public(x):\n    assert x > 0, 'x should be positive'\n\n"
        "@test_case(points=1, hidden=True)\n"
        "def test_hidden(x):\n    assert x == 2, f'x is {x}, not the sum asked for'\n")
    test_file.run({"x": 1})
    submission = tmp_path / "student_17"
    submission.mkdir()
    results = GradingResults([test_file]).to_gradescope_dict(AutograderConfig())
    (submission / "results.json").write_text(json.dumps(results))
    write_report(tmp_path)
    report = json.loads((tmp_path / REPORT_JSON).read_text())
    assert report["totals"] == {"student_17": 1}
    assert report["questions"]["q1"]["most_failed_hidden_test"]["message"] == "x is 1, not the sum asked for"
    assert "## q1: 1 of 2" in (tmp_path / FEEDBACK_DIR / "student_17.md").read_text()


class _Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.images, self.links, self.tags = [], [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append(tag)
        if tag == "img":
            self.images.append(attrs.get("src", ""))
        self.links += [v for k, v in attrs.items() if k in ("href", "src") and v and not v.startswith("data:")]


def test_the_report_of_a_real_batch_matches_its_grades(batch):
    out = batch["out"]
    table = pd.read_csv(out / "final_grades.csv").set_index("file").drop(index="points-per-question")
    report = json.loads((out / REPORT_JSON).read_text())
    assert report["assignment"] == HW and report["submissions"] == len(table)
    assert report["totals"] == pytest.approx(table["total_points_earned"].to_dict())
    for q, figures in report["questions"].items():
        assert figures["mean"] == pytest.approx(table[q].mean()), q
    kinds = {p["file"]: p["kind"] for p in report["problems"]}
    for name, status in table["grading_status"].items():
        if status.startswith("FLAGGED"):
            assert kinds.get(name) == "flagged", (name, status)
        elif status.startswith("timed out"):
            assert kinds.get(name) == "timed out", (name, status)
        elif not status.startswith("Completed"):
            assert kinds.get(name) == "not graded", (name, status)
    assert set(report["training"]) == set(threshold_tests(HW))
    for training in report["training"].values():  # its case is in every result that graded its question
        graded = [json.loads(p.read_text())["tests"].get(training["question"]) for p in out.rglob("results.json")]
        graded = [t for t in graded if t]
        assert len(graded) == training["graded"] > 0
        assert all(any(c["name"] == training["case"] for c in t["cases"]) for t in graded), training
    # a file refused before grading (not a notebook) takes less than the 0.1 s results.json keeps
    assert len(report["seconds"]) == len(table) and all(s >= 0 for s in report["seconds"].values())
    assert report["seconds"]["honest reference.ipynb"] > 1

    page = _Page()
    page.feed((out / REPORT_HTML).read_text())
    assert len(page.images) == 2 and all(src.startswith("data:image/png;base64,") for src in page.images)
    assert not page.links, f"the report must open from disk, without the network: {page.links}"


def test_feedback_names_every_lost_question_and_no_test_code(batch):
    out = batch["out"]
    table = pd.read_csv(out / "final_grades.csv").set_index("file").drop(index="points-per-question")
    points = pd.read_csv(out / "final_grades.csv").set_index("file").loc["points-per-question"]
    _, _, questions = read_master(master_path(HW))
    # lines of hidden-test code (not a lone string, which may be a message) that a student must not see
    code = {line.strip() for q in questions for s in q.hidden_tests for line in s.splitlines()
            if len(line.strip()) > 12 and not re.match(r"""^(f?["']|\)|#)""", line.strip())}
    thresholds = {t["threshold"] for t in threshold_tests(HW).values()}
    for name, row in table.iterrows():
        text = (out / FEEDBACK_DIR / f"{name}.md").read_text()
        assert (out / FEEDBACK_DIR / f"{name}.html").exists()
        for q in [c for c in table.columns if re.fullmatch(r"q\d+", c)]:
            if row[q] < points[q] and row["grading_status"].startswith("Completed"):
                assert f"## {q}: {row[q]:g} of {points[q]:g}" in text, f"{name}: {q} lost points, not named"
        shown = [line for line in code if line in text]
        assert not shown, f"{name}: the feedback quotes hidden-test code: {shown[:3]}"
        numbers = {float(t) for t in re.findall(r"(?<![\w.])\d+\.\d+", text)}
        assert not numbers & thresholds, f"{name}: the feedback states a threshold"


# Debian's headless Chromium (`apt-get install chromium-headless-shell`, or the full `chromium`); .ci/run
# installs it and sets RNNHW_REQUIRE_BROWSER=1, so that CI never skips the test below.
CHROMIUM = shutil.which("chromium-headless-shell") or shutil.which("chromium")
# Appended to a copy of the page: once it has loaded, the body records each image's decoded width.
IMAGE_PROBE = ('<script>window.addEventListener("load", () => {document.body.dataset.images = '
               '[...document.images].map(i => i.complete ? i.naturalWidth : 0).join(",")})</script>')


def _render(page: Path, tmp_path: Path) -> tuple[str, str]:
    """The DOM Chromium builds from a copy of `page` with the probe, and what its console logged."""
    probed = tmp_path / f"probed {page.name}"
    probed.write_text(page.read_text() + IMAGE_PROBE)
    run = subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--enable-logging=stderr",
                          "--v=0", "--virtual-time-budget=5000", "--dump-dom", probed.as_uri()],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr[-2000:]
    return run.stdout, "\n".join(line for line in run.stderr.splitlines() if ":CONSOLE" in line)


def test_the_report_and_feedback_render_in_a_real_browser(batch, tmp_path):
    if not CHROMIUM:
        message = "no headless Chromium here: apt-get install chromium-headless-shell (Debian) to run this test"
        if os.environ.get("RNNHW_REQUIRE_BROWSER"):
            pytest.fail(message)
        pytest.skip(message)
    out = batch["out"]
    dom, console = _render(out / REPORT_HTML, tmp_path)
    assert not console, f"report.html logged to the console: {console}"
    widths = re.search(r'data-images="([^"]*)"', dom)
    assert widths and [int(w) > 0 for w in widths.group(1).split(",")] == [True, True], \
        f"both plots should be decoded and drawn: {widths and widths.group(1)}"
    assert "timed out" in dom and "flagged" in dom, "the batch's timed-out and flagged submissions are listed"
    for feedback in sorted((out / FEEDBACK_DIR).glob("*.html"))[:5]:
        dom, console = _render(feedback, tmp_path)
        assert not console and "points.</b>" in dom, feedback.name
