"""Hidden cases written in two parts (rnnhw/collect_judge.py): found in the built tests, kept out of
the kernel's test files, and giving the same verdict apart (collect, plain files, judge) as whole."""

import ast
import json
import os
import subprocess
import sys

import numpy as np
import pytest
from otter.test_files.exception_test import ExceptionTestFile

from helpers import ASSIGNMENTS
from rnnhw import answers, autograder_zip, master_path
from rnnhw.collect_judge import define, key, on_kernel_outputs, split_cases, stubbed
from rnnhw.grade import load_assignment
from rnnhw.masters import read_master

# The cases that call the notebook's code, judged outside the kernel in two parts, by assignment.
SPLIT = {
    "hw1_sentiment": {"q2.py": {"test_q2_course_vocabulary", "test_q2_fresh_vocabulary"},
                      "q3.py": {"test_q3_prepare_data_fresh", "test_q3_train_set", "test_q3_test_set"},
                      "q4.py": {"test_q4_architecture", "test_q4_compile"},
                      "q5.py": {"test_q5_skill", "test_q5_trained_as_asked"},
                      "q6.py": {"test_q6_architecture", "test_q6_skill", "test_q6_trained_as_asked"}},
    "hw2_timeseries": {"q3.py": {"test_q3_architecture", "test_q3_skill", "test_q3_trained_as_asked"},
                       "q4.py": {"test_q4_sliding", "test_q4_copy"},
                       "q5.py": {"test_q5_recursion", "test_q5_with_a_keras_model"}},
    "hw3_extrapolation": {"q1.py": {"test_q1_architecture", "test_q1_skill", "test_q1_trained_as_asked"},
                          "q3.py": {"test_q3_fixed_model"}, "q4.py": {"test_q4_make_windows"},
                          "q5.py": {"test_q5_architecture", "test_q5_window_test_mse", "test_q5_skill",
                                    "test_q5_trained_as_asked"}},
    "hw4_forecasting": {"q1.py": {"test_q1_step_matches_keras", "test_q1_forward_matches_keras"},
                        "q2.py": {"test_q2_windows", "test_q2_real_series"},
                        "q4.py": {"test_q4_functions", "test_q4_airline_skill", "test_q4_trained_as_asked"},
                        "q5.py": {"test_q5_milk_skill", "test_q5_trained_as_asked"},
                        "q6.py": {"test_q6_reads_rows", "test_q6_skill", "test_q6_trained_as_asked"}},
}


class RightBuffer:
    def __init__(self, window, data):
        self.data = np.array(data, dtype=float).reshape(1, window)

    def append(self, value):
        self.data = np.append(self.data[:, 1:], [[value]], axis=1)


class ViewBuffer(RightBuffer):
    """Keeps a view of the caller's array: test_q4_copy must fail it."""

    def __init__(self, window, data):
        self.data = data.reshape(1, window)


@pytest.mark.parametrize("hw", sorted(SPLIT))
def test_cases_on_the_notebooks_code_are_split_and_out_of_the_kernels_tests(fresh_build, hw):
    assignment = load_assignment(autograder_zip(hw, fresh_build))
    assert {name: set(cases) for name, cases in assignment.split.items()} == SPLIT[hw]
    kernel = assignment.kernel_tests()
    for name, cases in assignment.split.items():
        for case in cases.values():
            assert f"def {case.function}(" in kernel[name]
        assert "def judge(" not in kernel[name] and "def collect(" not in kernel[name]
        # otter names cases by position: the others keep their names in the kernel
        whole, stubs = (ExceptionTestFile.from_string(s, path=name) for s in (assignment.tests[name], kernel[name]))
        assert [(c.name, c.body.test_func.__name__) for c in whole.test_cases] == \
            [(c.name, c.body.test_func.__name__) for c in stubs.test_cases]
    # every case with points is judged outside the kernel: on values, or in two parts
    kept = [(t.path, c.name) for t in assignment.test_files() for c in t.test_cases
            if c.points and not (assignment.split_case(t.path, c) or assignment.runs_outside(c))]
    assert not kept


def _verdicts(source: str, name: str, buffer, tmp_path) -> tuple[bool, bool]:
    """(whole, apart): the case run by otter in one process, and as rnnhw grade runs it."""
    test_file = ExceptionTestFile.from_string(source, path="q4.py")
    case = next(c for c in test_file.test_cases if c.body.test_func.__name__ == name)
    try:
        case.body.call_func({"Buffer": buffer})
        whole = True
    except AssertionError:
        whole = False
    part = split_cases(source)[name]
    answers.write(tmp_path, {"q4": define(part.collect, "collect")(buffer)})
    collected, problems, _ = answers.read(tmp_path)
    assert not problems
    try:
        define(part.judge, "judge")(collected["q4"])
        apart = True
    except AssertionError:
        apart = False
    return whole, apart


@pytest.mark.parametrize("buffer, passes", [(RightBuffer, True), (ViewBuffer, False)])
def test_a_case_judged_apart_gives_the_verdict_it_gives_whole(fresh_build, tmp_path, buffer, passes):
    source = load_assignment(autograder_zip("hw2_timeseries", fresh_build)).tests["q4.py"]
    assert _verdicts(source, "test_q4_copy", buffer, tmp_path) == (passes, passes)
    assert _verdicts(source, "test_q4_sliding", buffer, tmp_path / "sliding") == (True, True)


def test_a_part_that_needs_the_function_around_it_is_not_split():
    source = '''
@test_case(points=1, hidden=True)
def test_a(f):
    expected = 3
    def collect(f):
        return f()
    def judge(seen):
        assert seen == expected
    judge(collect(f))

@test_case(points=1, hidden=True)
def test_b(f):
    def collect(f):
        return f()
    def judge(seen):
        assert seen == 3
    judge(collect(f))
'''
    assert set(split_cases(source)) == {"test_b"}
    kernel = stubbed(source, {"test_b"})
    assert "assert seen == 3" not in kernel and "def test_b(f):\n    pass\n" in kernel and "def test_a(f):" in kernel


def test_collect_parts_may_share_the_globals_they_declare_and_judges_none():
    source = '''
@test_case(points=1, hidden=True)
def test_a(f):
    def collect(f):
        global _kept
        _kept = f()
        return _kept
    def judge(seen):
        assert seen == 3
    judge(collect(f))

@test_case(points=1, hidden=True)
def test_b(f):
    def collect(f):
        return f()
    def judge(seen):
        global _kept
        assert seen == _kept
    judge(collect(f))
'''
    assert set(split_cases(source)) == {"test_a"}


def test_a_replay_retries_below_the_threshold_its_judge_grades():
    """hw2's q3 skill case trains a second seed when the first falls short: its collect part cannot
    read the judge's THRESHOLD, so it holds the same number as RETRY_BELOW."""
    found = []
    for q in [q for hw in ASSIGNMENTS for q in read_master(master_path(hw))[2]]:
        for source in q.hidden_tests:
            constants = {t.id: ast.literal_eval(n.value) for n in ast.walk(ast.parse(source))
                         if isinstance(n, ast.Assign) for t in n.targets
                         if isinstance(t, ast.Name) and t.id in ("RETRY_BELOW", "THRESHOLD")}
            if "RETRY_BELOW" in constants:
                found.append(constants)
    assert found and all(c["RETRY_BELOW"] == c["THRESHOLD"] for c in found)


def test_the_outputs_of_a_model_of_the_notebooks_classes_are_told_apart():
    """A collect part returns each replayed model as {"predicted", "architecture", "weights"}, the
    architecture None where the model holds the notebook's code: the grader notes the cases whose
    data hold such outputs, computed in the kernel."""
    rebuilt = {"predicted": np.zeros(3), "architecture": "{}", "weights": []}
    kernels = {**rebuilt, "architecture": None}
    assert not on_kernel_outputs({"callable": True, "runs": [rebuilt, rebuilt]})
    assert on_kernel_outputs({"callable": True, "runs": [rebuilt, kernels]})
    assert on_kernel_outputs([{"models": {"small": kernels}}])
    assert not on_kernel_outputs({"architecture": None}) and not on_kernel_outputs(None)
    deep = kernels
    for _ in range(1000):
        deep = [deep]
    assert not on_kernel_outputs(deep), "data nested beyond any test's are not searched"
    # the masters keep to the form: a replay that returns an architecture returns its outputs with it
    replays = [source for hw in ASSIGNMENTS for q in read_master(master_path(hw))[2] for source in q.hidden_tests
               if '"architecture":' in source]
    assert len(replays) >= 8 and all('"predicted":' in source for source in replays)


# Judges that build a Keras layer to compare the notebook's numpy LSTM with (hw4's Q1): they load
# TensorFlow whatever the notebook holds.
BUILD_A_LAYER = {"q1.py::test_q1_step_matches_keras", "q1.py::test_q1_forward_matches_keras"}


@pytest.mark.parametrize("hw", ASSIGNMENTS)
def test_a_notebook_that_trained_no_model_is_verified_without_tensorflow_or_otter(fresh_build, tmp_path, hw):
    """The verify stage of rnnhw grade, run on every judge of the assignment with data that hold no
    model ({}, as a blank or half-done notebook's collect parts give), imports neither keras (6 s:
    only a judge that rebuilds a model needs it) nor otter (2 s: only cases on values need it)."""
    assignment = load_assignment(autograder_zip(hw, fresh_build))
    judges = {key(name, function): case.judge for name, cases in assignment.split.items()
              for function, case in cases.items() if key(name, function) not in BUILD_A_LAYER}
    answers.write(tmp_path / "answers", {})
    answers.write(tmp_path / "collected", {name: {} for name in judges})
    job = {"tests": assignment.tests, "cases": {}, "answers": str(tmp_path / "answers"), "judges": judges,
           "collected": str(tmp_path / "collected")}
    probe = ("import runpy, sys\nrunpy.run_module('rnnhw.verify', run_name='__main__')\n"
             "print(sorted(m for m in ('keras', 'tensorflow', 'otter') if m in sys.modules))")
    with open(tmp_path / "report.json", "w") as report:
        done = subprocess.run([sys.executable, "-c", probe], input=json.dumps(job).encode(), capture_output=True,
                              env={**os.environ, "RNNHW_REPORT_FD": str(report.fileno())},
                              pass_fds=(report.fileno(),), cwd=tmp_path, timeout=120)
    assert done.returncode == 0, done.stderr.decode()[-2000:]
    judged = json.loads((tmp_path / "report.json").read_text())["judged"]
    assert set(judged) == set(judges) and not any(passed for passed, _ in judged.values()), judged
    assert done.stdout.decode().split() == ["[]"], done.stdout.decode()
