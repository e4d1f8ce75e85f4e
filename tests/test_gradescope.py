"""The autograder zip as Gradescope (and `otter grade`) run it: what it holds, what it installs, the
results.json it writes, and, through tests/gradescope_harness.py, real gradings in Gradescope's
layout: the complete examples earn full marks within Gradescope's default resources, the blank ones
nothing, no tampering case earns more than its honest answers, and nothing students see holds a
hidden test's code, a threshold or an answer."""

import importlib.metadata
import json
import re
import zipfile

import pytest
from otter.test_files.abstract_test import TestCaseResult
from otter.test_files import GradingResults
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from rnnhw import ROOT, autograder_zip, master_path
from rnnhw.autograder import LOCK, locked
from rnnhw.grade import Unfit, _failure, _with_status, load_assignment
from rnnhw.gradescope import WITHHELD, results_json, submission_file
from rnnhw.masters import read_master

from gradescope_harness import CANARY_TEXT, COMPLETE, GRADESCOPE_MEMORY, student_visible
from helpers import ASSIGNMENTS

# What otter grade's Dockerfile adds to its image (otter/grade/Dockerfile); Gradescope unpacks everything.
DOCKERFILE_ADDS = re.compile(r"(run_autograder|setup\.sh|environment\.yml|requirements\..*|otter_config\.json"
                             r"|run_otter\.py|files/.*|tests/.*)")


# ---- what the zip holds and installs -----------------------------------------------------------------

@pytest.mark.parametrize("hw", ASSIGNMENTS)
def test_the_zip_holds_only_what_gradescope_and_otter_grade_run(fresh_build, hw):
    with zipfile.ZipFile(autograder_zip(hw, fresh_build)) as z:
        names = {i.filename: i for i in z.infolist()}
        assert all(DOCKERFILE_ADDS.fullmatch(n) for n in names), sorted(names)
        for script in ["run_autograder", "setup.sh"]:
            assert names[script].external_attr >> 16 & 0o111, f"{script} is not executable"
        config = json.loads(z.read("otter_config.json"))
        with zipfile.ZipFile(z.open("run_otter.py")) as application:
            inside = set(application.namelist())
    assert {"__main__.py", "rnnhw/gradescope.py", "rnnhw/grade.py", "rnnhw/sandbox.py"} <= inside
    assert config["assignment_name"] == hw
    # the notebook's functions, never its values: their test cases run in the kernel only
    assert config["rnnhw"]["callables"] and not {"model", "history", "q7_answer"} & set(config["rnnhw"]["callables"])


def test_hw1_callables_are_the_references_functions(fresh_build):
    callables = set(load_assignment(autograder_zip("hw1_sentiment", fresh_build)).callables)
    assert {"prepare_data", "one_hot_encoding", "small_model", "stacked_model"} <= callables
    assert not {"vocabulary", "nb_words", "X_train", "model"} & callables


def test_the_image_installs_the_locked_environment_and_nothing_unused(fresh_build):
    python, packages = locked()
    with zipfile.ZipFile(autograder_zip("hw4_forecasting", fresh_build)) as z:
        environment, setup = z.read("environment.yml").decode(), z.read("setup.sh").decode()
        run_autograder = z.read("run_autograder").decode()
    pins = re.findall(r"^      - (\S+)$", environment, re.M)
    assert pins == packages and f"  - python={python}\n" in environment
    assert sum(p.lower().startswith("otter-grader==") for p in pins) == 1
    commands = "\n".join(line for line in setup.splitlines() if not line.lstrip().startswith("#"))
    for unused in ["texlive", "pandoc", "playwright", "libgit2", "r-base", "nb_conda_kernels"]:
        assert unused not in commands, f"the image installs {unused}"
    assert not {"jupyter_server", "nb_conda_kernels", "jupyterlab"} & {p.split("==")[0] for p in pins}
    assert "bubblewrap" in setup and "/opt/rnnhw-env" in setup and "/opt/rnnhw-env" in run_autograder


def _installed() -> dict[str, str]:
    return {canonicalize_name(d.metadata["Name"]): d.version for d in importlib.metadata.distributions()}


def test_the_lock_is_the_environment_the_tests_run_with():
    """Every locked package is installed here at its locked version (make installs with the lock as
    constraints on this platform), so the image pins what the tests ran with."""
    installed = _installed()
    header = LOCK.read_text()
    platform_line = re.search(r"^# platform: (\S+)$", header, re.M).group(1)
    import platform
    import sys
    here = f"cp{sys.version_info.major}{sys.version_info.minor}-{sys.platform}-{platform.machine()}"
    if here != platform_line:
        pytest.skip(f"the lock was made for {platform_line}, this is {here}")
    differ = [f"{name}: locked {version}, installed {installed.get(canonicalize_name(name))}"
              for name, version in (p.split("==") for p in locked()[1])
              if installed.get(canonicalize_name(name)) != version]
    assert not differ, differ
    assert locked()[0] == platform.python_version()


def test_the_lock_holds_every_requirement_at_its_pin():
    locked_versions = {canonicalize_name(n): v for n, v in (p.split("==") for p in locked()[1])}
    for line in (ROOT / "requirements.txt").read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            requirement = Requirement(line)
            if requirement.marker is None or requirement.marker.evaluate():
                assert locked_versions.get(canonicalize_name(requirement.name)) in requirement.specifier, line


# ---- the submission, and results.json's policy -------------------------------------------------------

def test_the_submission_is_the_one_notebook_else_the_one_zip(tmp_path):
    folder = tmp_path / "submission"
    folder.mkdir()
    with pytest.raises(Unfit, match="no notebook"):
        submission_file(folder)
    (folder / "export.zip").write_bytes(b"PK")
    assert submission_file(folder) == folder / "export.zip"
    # an export Gradescope unpacked: the notebook, otter's log, a checkpoint
    (folder / "hw.ipynb").write_text("{}")
    (folder / ".OTTER_LOG").write_bytes(b"log")
    (folder / ".ipynb_checkpoints").mkdir()
    (folder / ".ipynb_checkpoints" / "hw-checkpoint.ipynb").write_text("{}")
    assert submission_file(folder) == folder / "hw.ipynb"
    (folder / "other.ipynb").write_text("{}")
    with pytest.raises(Unfit, match="2 .ipynb files"):
        submission_file(folder)


def _graded(assignment, failing: dict[str, str]) -> GradingResults:
    """Results where every case passes but those of `failing` ({case: message})."""
    files = assignment.test_files()
    for test_file in files:
        for case in test_file.test_cases:
            passed = case.name not in failing
            test_file.test_case_results.append(TestCaseResult(case, failing.get(case.name, "passed"), passed))
    return _with_status(GradingResults(files), [], [])


def test_students_see_public_results_now_question_results_when_published(fresh_build):
    assignment = load_assignment(autograder_zip("hw1_sentiment", fresh_build))
    message = ("❌ Test case failed\nError at line 3 in test q7:\n    assert type(q7_answer) is str and "
               "q7_answer.strip().lower() == 'c', 'not the best'\n"
               "AssertionError: q7_answer is not the best of the four")
    failing = {"q7 - 2": message, "q1 - 1": "AssertionError: vocabulary should be a list"}
    data = results_json(_graded(assignment, failing), assignment, 12.3)
    tests = {t["name"]: t for t in data["tests"]}
    assert tests["Public Tests"]["visibility"] == "visible" and "q1 - 1: failed: vocabulary should be a list" \
        in tests["Public Tests"]["output"] and "q7 - 2" not in tests["Public Tests"]["output"]
    assert tests["q7"]["visibility"] == "after_published" and tests["q7"]["score"] == 0
    assert "q7 - 2 (hidden): failed: q7_answer is not the best of the four" in tests["q7"]["output"]
    assert "== 'c'" not in json.dumps(data), "the failing line of a hidden test reached results.json"
    assert tests["Grading notes (instructors only)"]["visibility"] == "hidden"
    # the written questions, graded by hand from the PDF: named, not scored here
    assert "not here: w1 (2 points), w2 (3 points)." in tests["Public Tests"]["output"]
    assert not {"w1", "w2"} & set(tests)
    assert data["stdout_visibility"] == "hidden" and data["execution_time"] == 12
    assert data["score"] == sum(t["score"] for t in data["tests"] if "max_score" in t)


def test_a_message_quoting_a_hidden_test_is_withheld(fresh_build):
    assignment = load_assignment(autograder_zip("hw1_sentiment", fresh_build))
    quoted = next(line.strip() for line in assignment.tests["q5.py"].splitlines() if "THRESHOLD =" in line)
    data = results_json(_graded(assignment, {"q1 - 1": f"AssertionError: see {quoted}"}), assignment, 1)
    assert quoted not in json.dumps(data)
    assert WITHHELD in next(t for t in data["tests"] if t["name"] == "Public Tests")["output"]
    assert "withheld from students" in data["tests"][-1]["output"]


def test_a_flagged_submission_is_held_for_review(fresh_build):
    assignment = load_assignment(autograder_zip("hw1_sentiment", fresh_build))
    flagged = _with_status(_failure("not run"), [], ["names otter's internals ('Checker')"])
    data = results_json(flagged, assignment, 1)
    questions = [t for t in data["tests"] if "max_score" in t]
    assert data["score"] == 0 and all(t["score"] == 0 and "review" in t["output"] for t in questions)
    assert "Checker" not in " ".join(student_visible(data))
    assert data["tests"][-1]["output"].startswith("FLAGGED for review")


# ---- real gradings in Gradescope's layout (slow) -------------------------------------------------------

def _scores(results: dict) -> dict[str, float]:
    return {t["name"]: t["score"] for t in results["tests"] if "max_score" in t}


def _notes(results: dict) -> str:
    return next(t["output"] for t in results["tests"] if t["name"] == "Grading notes (instructors only)")


@pytest.mark.parametrize("hw", ASSIGNMENTS)
def test_complete_submissions_earn_full_marks_on_gradescope(gradescope, hw):
    run = gradescope["runs"][f"{hw} complete"]
    assert run.returncode == 0 and run.results, run.stdout[-3000:]
    possible = sum(t["max_score"] for t in run.results["tests"] if "max_score" in t)
    assert run.results["score"] == possible, (COMPLETE[hw], _notes(run.results))
    assert "an unprivileged user's processes" in run.stdout, "Gradescope's containers cannot make namespaces"
    assert 0 < run.results["execution_time"] <= run.seconds + 1
    # one CPU, Gradescope's default memory: the README's settings
    assert run.peak_memory is None or run.peak_memory <= GRADESCOPE_MEMORY
    print(f"{hw} ({COMPLETE[hw]}): {run.seconds:.0f} s on one CPU, peak "
          f"{run.peak_memory / 2**20 if run.peak_memory else float('nan'):.0f} MB, execution_time "
          f"{run.results['execution_time']} s")


@pytest.mark.parametrize("hw", ASSIGNMENTS)
def test_blank_submissions_earn_nothing_on_gradescope(gradescope, hw):
    run = gradescope["runs"][f"{hw} blank"]
    assert run.results and run.results["score"] == 0 and not any(_scores(run.results).values()), run.stdout[-2000:]
    assert "Completed" in _notes(run.results)
    if hw == "hw1_sentiment":  # the container that lets bwrap make namespaces
        assert "bubblewrap sandboxes" in run.stdout


def _hidden_lines(hw: str) -> set[str]:
    """The lines of the master's hidden tests that its public tests and student notebook do not have."""
    _, _, questions = read_master(master_path(hw))
    hidden = {line.strip() for q in questions for source in q.hidden_tests for line in source.splitlines()}
    public = {line.strip() for q in questions for source in q.public_tests for line in source.splitlines()}
    student = (ROOT / "assignments" / hw / f"{hw}.ipynb").read_text()
    return {line for line in hidden - public if len(line) >= 16 and json.dumps(line)[1:-1] not in student}


def _thresholds(hw: str) -> set[str]:
    calibration = json.loads((ROOT / "solutions" / hw / "calibration.json").read_text())
    return {f"{m['threshold']:g}" for m in calibration["metrics"].values()}


def test_the_exports_held_the_pdf_of_the_written_answers(gradescope):
    """hw2's unpacked export and hw4's export zip carry the PDF next to the notebook (graded above)."""
    unpacked = gradescope["runs"]["hw2_timeseries complete"].root / "submission"
    assert any(p.suffix == ".pdf" for p in unpacked.iterdir())
    [exported] = (gradescope["runs"]["hw4_forecasting complete"].root / "submission").glob("*.zip")
    assert any(n.endswith(".pdf") for n in zipfile.ZipFile(exported).namelist())


def test_what_students_see_holds_no_hidden_test_threshold_or_answer(gradescope):
    for name, run in gradescope["runs"].items():
        hw = name.split()[0] if name.split()[0] in ASSIGNMENTS else "hw2_timeseries"
        assert run.results, f"{name}: no results.json ({run.stdout[-1000:]})"
        seen = "\n".join(student_visible(run.results))
        leaked = [line for line in _hidden_lines(hw) if line in seen]
        assert not leaked, f"{name}: students see hidden-test code: {leaked[:3]}"
        numbers = [t for t in _thresholds(hw) if re.search(rf"(?<![\d.]){re.escape(t)}(?!\d)", seen)]
        assert not numbers, f"{name}: students see a threshold {numbers}"
        tests = {t["name"]: t for t in run.results["tests"]}
        assert tests["Public Tests"]["visibility"] == "visible"
        assert all(t["visibility"] == "after_published" for t in tests.values() if "max_score" in t)
        assert run.results["stdout_visibility"] == "hidden"


def test_tampering_earns_no_more_than_its_honest_answers_on_gradescope(gradescope):
    honest = _scores(gradescope["runs"]["honest fast"].results)
    assert sum(honest.values()) > 0
    for name, case in gradescope["cases"].items():
        run = gradescope["runs"][name]
        assert run.results, f"{name}: no results.json ({run.stdout[-1000:]})"
        if case.caught == "no":
            continue  # a known hole: test_the_known_hole_gains_on_gradescope_too
        for question, score in _scores(run.results).items():
            allowed = 0 if case.base == "blank" or case.loses is None or question in case.loses else honest[question]
            assert score <= allowed, f"{name} {question}: {score} > {allowed} ({_notes(run.results)})"
        notes = _notes(run.results)
        if case.caught in ("scan", "runtime"):
            assert notes.startswith("FLAGGED for review"), (name, notes)
        # what the scan flags is not run: every other case must run, or the harness tests nothing of it
        assert ("(not run)" in notes) == (case.caught == "scan"), (name, notes)
        assert not any((run.root.parent / "outside").iterdir()), f"{name} wrote outside its grading folder"
        assert not any((run.root.parent / "var-tmp").iterdir()), f"{name} left files in /var/tmp"
        assert CANARY_TEXT not in run.stdout + json.dumps(run.results), f"{name} read the instructor's canary"
    crafted = gradescope["runs"]["crafted otter log.zip"]
    assert ".OTTER_LOG was not read" in _notes(crafted.results)
    assert not any((crafted.root.parent / "outside").iterdir()), "the crafted .OTTER_LOG was unpickled"


def test_the_notebook_reads_and_writes_nothing_of_the_autograder_folder(gradescope):
    notes = _notes(gradescope["runs"]["reads_the_autograder_folder.ipynb"].results)
    assert "files read there: 0, written: no" in notes, notes


def test_the_known_hole_gains_on_gradescope_too(gradescope):
    """As under rnnhw grade (test_tamper.py): the README says so; when it stops, update both."""
    honest = _scores(gradescope["runs"]["honest fast"].results)
    for name, case in gradescope["cases"].items():
        if case.caught == "no":
            scores = _scores(gradescope["runs"][name].results)
            assert any(scores[q] > (0 if q in case.loses else honest[q]) for q in scores), name


def test_the_class_report_reads_gradescopes_results(fresh_build, tmp_path):
    """`rnnhw report` on the results.json files an instructor downloads from Gradescope."""
    from rnnhw.report import REPORT_JSON, write_report
    assignment = load_assignment(autograder_zip("hw1_sentiment", fresh_build))
    message = "❌ Test case failed\nError at line 9 in test q5:\n    assert skill >= THRESHOLD\nAssertionError: too low"
    graded = results_json(_graded(assignment, {"q5 - 2": message}), assignment, 30)
    flagged = results_json(_with_status(_failure("not run"), [], ["calls exec"]), assignment, 2)
    for name, data in [("student_1", graded), ("student_2", flagged)]:
        (tmp_path / name).mkdir()
        (tmp_path / name / "results.json").write_text(json.dumps(data))
    write_report(tmp_path, "hw1_sentiment")
    report = json.loads((tmp_path / REPORT_JSON).read_text())
    assert report["totals"] == {"student_1": graded["score"], "student_2": 0}
    assert report["questions"]["q5"]["most_failed_hidden_test"]["message"] == "too low"
    assert [(p["file"], p["kind"]) for p in report["problems"]] == [("student_2", "flagged")]
