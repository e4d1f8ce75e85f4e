"""Every threshold in a notebook is the one its calibration file derived from >= 20 seeds, and every
graded training is a skill against a baseline that needs no training, which the reference beats on
every seed."""

import json

import pytest

from rnnhw import master_path
from rnnhw.calibrate import suggested_threshold, threshold_tests

from helpers import ASSIGNMENTS

# The least skill the reference must reach on every calibration seed, where a question asks for more
# than beating its baseline at all: hw2's LSTM sees 50 values of a smooth signal, so it must make at
# most half the error of "repeat the last value" (issue 12).
REQUIRED_REFERENCE_SKILL = {("hw2_timeseries", "q3"): 0.5}


def calibration(hw: str) -> dict:
    path = master_path(hw).parent / "calibration.json"
    assert path.exists(), f"run `python -m rnnhw calibrate {hw} --seeds 20`"
    return json.loads(path.read_text())


@pytest.mark.parametrize("hw", ASSIGNMENTS)
def test_thresholds_agree_with_calibration(hw):
    tests = threshold_tests(hw)
    if not tests:
        pytest.skip(f"{hw} grades no trained metric")
    calibrated = calibration(hw)
    assert len(calibrated["seeds"]) >= 20
    assert set(calibrated["metrics"]) == set(tests), "calibration is stale: the threshold tests changed"
    for name, test in tests.items():
        metric = calibrated["metrics"][name]
        values = list(metric["per_seed"].values())
        assert len(values) == len(calibrated["seeds"])
        worst = min(values) if test["direction"] == ">=" else max(values)
        assert metric["threshold"] == suggested_threshold(test["direction"], worst)
        assert test["threshold"] == metric["threshold"], (
            f"{hw} {name}: THRESHOLD {test['threshold']} in the notebook, {metric['threshold']} in calibration.json")
        passes = worst > test["threshold"] if test["direction"] == ">=" else worst < test["threshold"]
        assert passes, f"{hw} {name}: the worst calibrated seed ({worst}) does not clear the threshold with margin"


@pytest.mark.parametrize("hw", ASSIGNMENTS)
def test_every_graded_training_is_a_skill_the_reference_earns_on_every_seed(hw):
    tests = threshold_tests(hw)
    if not tests:
        pytest.skip(f"{hw} grades no trained metric")
    calibrated = calibration(hw)
    for name, test in tests.items():
        assert test["baseline"], f"{hw} {name}: a graded training must name the BASELINE its skill is measured against"
        assert test["direction"] == ">=", f"{hw} {name}: a skill is graded from below (assert skill >= THRESHOLD)"
        metric = calibrated["metrics"][name]
        assert metric["baseline"] == test["baseline"], f"{hw} {name}: calibration.json is stale (baseline)"
        errors = metric["per_seed_error"]
        baseline_error = metric["baseline_error"]
        assert isinstance(baseline_error, float) and baseline_error > 0, f"{hw} {name}: one baseline error, stored"
        assert set(errors) == set(metric["per_seed"]), f"{hw} {name}: every seed's error is stored"
        for seed, skill in metric["per_seed"].items():
            assert abs(skill - (1 - errors[seed] / baseline_error)) < 1e-9, \
                f"{hw} {name} seed {seed}: skill is not 1 - error / baseline error"
        required = REQUIRED_REFERENCE_SKILL.get((hw, test["question"]), 0.0)
        losing = {s: v for s, v in metric["per_seed"].items() if v <= required}
        assert not losing, \
            f"{hw} {name}: the reference does not beat {test['baseline']} (skill > {required}) on seeds {losing}"
        assert metric["reference_beats_baseline_by"] == min(metric["per_seed"].values())
        # the threshold fails the baseline itself (skill 0) and anything worse
        assert test["threshold"] > 0, f"{hw} {name}: a threshold of {test['threshold']} passes the baseline"
