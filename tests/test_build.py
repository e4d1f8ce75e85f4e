"""Each master builds; committed student notebooks equal a fresh build; nothing secret reaches them."""

import json
import re
from pathlib import Path

import pytest

from rnnhw import ASSIGNMENTS_DIR as COMMITTED, autograder_zip, master_path, reference_notebook
from rnnhw.masters import read_master, secret_lines

from helpers import ASSIGNMENTS

MARKERS = re.compile(r"# (BEGIN|END) (SOLUTION|TESTS|QUESTION)|# HIDDEN|# SOLUTION|ASSIGNMENT CONFIG|TEST CONFIG")


def readable_text(path: Path) -> str:
    """A file's text; for a notebook, every string in it (cell sources, otter's public tests) unescaped."""
    if path.suffix != ".ipynb":
        return path.read_text(errors="replace")

    def strings(node):
        if isinstance(node, str):
            yield node
        elif isinstance(node, dict):
            for value in node.values():
                yield from strings(value)
        elif isinstance(node, list) and all(isinstance(v, str) for v in node):
            yield "".join(node)  # a multi-line source stored as a list of lines
        elif isinstance(node, list):
            for value in node:
                yield from strings(value)

    return "\n".join(strings(json.loads(path.read_text())))


def student_files(hw: str) -> list[Path]:
    return sorted(p for p in (COMMITTED / hw).rglob("*") if p.is_file())


def test_every_assignment_is_present():
    assert {"hw1_sentiment", "hw2_timeseries", "hw3_extrapolation", "hw4_forecasting"} <= set(ASSIGNMENTS)


@pytest.mark.parametrize("hw", ASSIGNMENTS)
def test_fresh_build_produces_zip_and_reference(fresh_build, hw):
    assert autograder_zip(hw, fresh_build).stat().st_size > 0
    assert reference_notebook(hw, fresh_build).exists()


@pytest.mark.parametrize("hw", ASSIGNMENTS)
def test_committed_student_files_equal_a_fresh_build(fresh_build, hw):
    fresh = sorted(p.relative_to(fresh_build / "assignments" / hw)
                   for p in (fresh_build / "assignments" / hw).rglob("*") if p.is_file())
    committed = [p.relative_to(COMMITTED / hw) for p in student_files(hw)]
    assert committed == fresh, "run `python -m rnnhw build` and commit assignments/"
    for rel in fresh:
        assert (COMMITTED / hw / rel).read_bytes() == (fresh_build / "assignments" / hw / rel).read_bytes(), (
            f"assignments/{hw}/{rel} drifted from solutions/: run `python -m rnnhw build {hw}` and commit")


@pytest.mark.parametrize("hw", ASSIGNMENTS)
def test_no_solution_or_hidden_test_in_student_files(hw):
    nb, _, questions = read_master(master_path(hw))
    secrets = secret_lines(nb, questions)
    hidden_names = {re.search(r"def (test_\w+)", s).group(1) for q in questions for s in q.hidden_tests}
    assert secrets and hidden_names, "the master should have answers and hidden tests to protect"
    for path in student_files(hw):
        text = readable_text(path)
        assert not MARKERS.search(text), f"{path}: Otter Assign marker left in a student file"
        lines = [line.strip() for line in text.splitlines()]
        # a secret is a whole line, or the answer after `=` on a line
        leaked = [s for s in secrets if any(line == s or line.endswith("= " + s) for line in lines)]
        leaked += [name for name in hidden_names if name in text]
        assert not leaked, f"{path} contains answer or hidden-test lines: {leaked[:5]}"


@pytest.mark.parametrize("hw", ASSIGNMENTS)
def test_every_question_has_public_and_hidden_tests(hw):
    _, config, questions = read_master(master_path(hw))
    assert config["name"] == hw
    assert config["seed"]["variable"] == "rng_seed"
    for q in questions:
        if q.manual:
            continue  # a written answer, graded by hand (test_every_written_question_has_points_answer_and_rubric)
        assert q.hidden_tests, f"{hw} {q.name} has no hidden test"
        assert q.public_tests, f"{hw} {q.name} has no public test"


@pytest.mark.parametrize("hw", ASSIGNMENTS)
def test_every_written_question_has_points_answer_and_rubric(hw):
    """A written question (otter's `manual: true`) is worth points, and its master holds a model answer and a
    rubric; the export cell builds the PDF that it is graded from."""
    _, config, questions = read_master(master_path(hw))
    written = [q for q in questions if q.manual]
    assert written, f"{hw} asks no written question"
    for q in written:
        assert q.points and q.points > 0, f"{hw} {q.name}: no points"
        assert len(q.answer) > 200 and q.rubric.startswith("**Rubric"), f"{hw} {q.name}: no model answer or no rubric"
        assert f"{q.points:g} point" in q.rubric, f"{hw} {q.name}: the rubric should share out its {q.points} points"
        assert not (q.hidden_tests or q.public_tests), f"{hw} {q.name}: a written question has no tests"
    assert config["export_cell"]["pdf"] is True


def _rubric_lines(hw: str) -> set[str]:
    nb, _, questions = read_master(master_path(hw))
    return {line.strip() for q in questions if q.manual for line in q.rubric.splitlines() if len(line.strip()) >= 12}


@pytest.mark.parametrize("hw", ASSIGNMENTS)
def test_no_rubric_or_model_answer_in_student_files(hw):
    """The secret lines of the leak test above include the written questions' model answers and rubrics;
    this names the rubric alone, which must reach no file a student gets, and not the examples either."""
    from rnnhw import ROOT
    rubric = _rubric_lines(hw)
    nb, _, questions = read_master(master_path(hw))
    assert rubric and rubric <= secret_lines(nb, questions)
    examples = sorted((ROOT / "examples" / "submissions" / hw).glob("*.ipynb"))
    for path in student_files(hw) + examples:
        text = readable_text(path)
        shown = [line for line in rubric if line in text]
        assert not shown, f"{path} shows rubric lines: {shown[:3]}"


@pytest.mark.parametrize("hw", ASSIGNMENTS)
def test_gradescope_never_shows_the_graders_stdout_to_students(hw):
    """A kernel inherits the grader's stdout: with show_stdout a student could print the hidden tests there."""
    _, config, _ = read_master(master_path(hw))
    assert config.get("generate", {}).get("show_stdout") is False


@pytest.mark.parametrize("hw", ASSIGNMENTS)
def test_example_submissions_are_current(fresh_build, tmp_path, hw):
    from rnnhw import ROOT
    from rnnhw.submissions import write_examples
    rights = sorted((ROOT / "tests" / "submissions" / hw / "right").glob("*.py"))
    write_examples(hw, fresh_build, tmp_path, rights)
    hidden = {n for q in read_master(master_path(hw))[2] for t in q.hidden_tests
              for n in re.findall(r"def (test_\w+)", t)}
    for name in ["complete.ipynb", "half_done.ipynb", "blank.ipynb"]:
        committed = ROOT / "examples" / "submissions" / hw / name
        assert committed.read_bytes() == (tmp_path / name).read_bytes(), (
            f"examples/submissions/{hw}/{name} is stale: run `python -m rnnhw examples {hw}`")
        shown = sorted(n for n in hidden if n in committed.read_text())
        assert hidden and not shown, f"examples/submissions/{hw}/{name} carries hidden tests: {shown}"
        assert "SOLUTION" not in committed.read_text(), f"examples/submissions/{hw}/{name} carries otter's markers"


NUMBER = re.compile(r"(?<![\w.])\d+\.\d+(?:[eE][-+]?\d+)?")


def _significant(token: str) -> int:
    return len(token.split("e")[0].split("E")[0].replace(".", "").lstrip("0"))


@pytest.mark.parametrize("hw", ASSIGNMENTS)
def test_no_threshold_or_calibration_value_in_student_files(hw):
    from rnnhw.calibrate import threshold_tests
    thresholds = {t["threshold"] for t in threshold_tests(hw).values()}
    path = master_path(hw).parent / "calibration.json"
    calibration = json.loads(path.read_text()) if path.exists() else {"metrics": {}}
    measured = [v for metric in calibration["metrics"].values()
                for v in [*metric["per_seed"].values(), metric.get("min"), metric.get("max")] if v is not None]
    thresholds |= {m["threshold"] for m in calibration["metrics"].values() if "threshold" in m}
    if not thresholds and not measured:
        pytest.skip(f"{hw} grades no trained metric")
    for file in student_files(hw):
        tokens = NUMBER.findall(readable_text(file))
        shown = [t for t in tokens if float(t) in thresholds]
        assert not shown, f"{file} shows a graded threshold: {shown}"
        # a calibrated value, even rounded: a token of 3+ significant digits equal to it at that precision
        close = [t for t in tokens if _significant(t) >= 3 and any(
            abs(float(t) - v) <= 0.5 * 10 ** -len(t.split(".")[1].split("e")[0].split("E")[0]) for v in measured)]
        assert not close, f"{file} shows calibration data: {close[:5]}"


def _answer_literals(nb, questions) -> dict[str, list]:
    """Per question, the literal values its solution assigns (`q6_answer = "b"  # SOLUTION`)."""
    import ast
    found = {}
    for q in questions:
        for index in q.solution_cells:
            for line in nb.cells[index].source.splitlines():
                code = re.sub(r"#.*$", "", line).strip()
                try:
                    node = ast.parse(code).body[0] if code else None
                except SyntaxError:
                    continue
                if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant) and "SOLUTION" in line:
                    found.setdefault(q.name, []).append(node.value.value)
    return found


@pytest.mark.parametrize("hw", ASSIGNMENTS)
def test_public_tests_reveal_no_answer(hw):
    """No answer line inside a public test, and an answer literal only among at least three options."""
    import ast
    nb, _, questions = read_master(master_path(hw))
    secrets = secret_lines(nb, questions)
    literals = _answer_literals(nb, questions)
    for q in questions:
        for source in q.public_tests:
            inside = [s for s in secrets if s in source]
            assert not inside, f"{hw} {q.name}: a public test contains answer lines {inside[:3]}"
            tree = ast.parse(source)
            options = {id(e) for n in ast.walk(tree) if isinstance(n, (ast.Tuple, ast.List, ast.Set))
                       and len(n.elts) >= 3 for e in n.elts}
            for node in ast.walk(tree):
                answer = isinstance(node, ast.Constant) and node.value in literals.get(q.name, [])
                if answer and id(node) not in options:
                    raise AssertionError(f"{hw} {q.name}: a public test singles out the answer {node.value!r}")
