"""Every threshold in a notebook is the one its calibration file derived from >= 20 seeds."""

import json

import pytest

from rnnhw import master_path
from rnnhw.calibrate import suggested_threshold, threshold_tests

from conftest import ASSIGNMENTS


@pytest.mark.parametrize("hw", ASSIGNMENTS)
def test_thresholds_agree_with_calibration(hw):
    tests = threshold_tests(hw)
    if not tests:
        pytest.skip(f"{hw} grades no trained metric")
    path = master_path(hw).parent / "calibration.json"
    assert path.exists(), f"run `python -m rnnhw calibrate {hw} --seeds 20`"
    calibration = json.loads(path.read_text())
    assert len(calibration["seeds"]) >= 20
    assert set(calibration["metrics"]) == set(tests), "calibration is stale: the threshold tests changed"
    for name, test in tests.items():
        metric = calibration["metrics"][name]
        values = list(metric["per_seed"].values())
        assert len(values) == len(calibration["seeds"])
        worst = min(values) if test["direction"] == ">=" else max(values)
        assert metric["threshold"] == suggested_threshold(test["direction"], worst)
        assert test["threshold"] == metric["threshold"], (
            f"{hw} {name}: THRESHOLD {test['threshold']} in the notebook, {metric['threshold']} in calibration.json")
        passes = worst > test["threshold"] if test["direction"] == ">=" else worst < test["threshold"]
        assert passes, f"{hw} {name}: the worst calibrated seed ({worst}) does not clear the threshold with margin"
