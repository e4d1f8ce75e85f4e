"""Trains the reference under many seeds and records each graded metric, from which thresholds come.

A threshold test is a hidden test that sets `THRESHOLD = <number>` and ends with
`assert <metric> >= THRESHOLD` (or `<=`). Calibration runs that same test function, with the
assert turned into `return <metric>`, in the kernel of the executed reference: the metric is
computed by the code that grades students, not by a copy of it.

A graded training is judged against the strongest forecast or classifier that needs no training:
its threshold test also sets `BASELINE = "<name of that baseline>"`, assigns the model's `error`
and the baseline's `baseline_error` on the same test data, and grades
`skill = 1 - error / baseline_error` (the share of the baseline's error the model removes: 0 is no
better than the baseline, 1 is perfect). Calibration records both errors of every seed next to
the skill, so calibration.json shows by how much the reference beats its baseline.
"""

import ast
import json
import math
import shutil
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from . import RnnhwError, master_path, reference_notebook
from .build import build
from .masters import read_master, support_files
from .syntax import parse
from .submissions import without_otter_cells

# Where a threshold sits relative to the worst calibrated seed.
MARGIN = {">=": 0.9, "<=": 2.0}  # accuracy: 90% of the worst seed; errors: twice the worst seed


def threshold_tests(hw: str, with_errors: bool = False) -> dict[str, dict]:
    """{test name: {"question", "source", "direction", "threshold", "baseline"}}.

    "source" defines the test function with its final assert turned into `return <metric>`; with
    `with_errors`, a skill test returns `(skill, error, baseline_error)` instead."""
    found = {}
    _, _, questions = read_master(master_path(hw))
    for q in questions:
        for source in q.hidden_tests:
            module = parse(source)
            function = next(n for n in module.body if isinstance(n, ast.FunctionDef))
            constants = {t.id: node.value for node in ast.walk(function) if isinstance(node, ast.Assign)
                         for t in node.targets if isinstance(t, ast.Name) and t.id in ("THRESHOLD", "BASELINE")}
            assigned = {t.id for node in ast.walk(function) if isinstance(node, ast.Assign)
                        for t in node.targets if isinstance(t, ast.Name)}
            baseline = ast.literal_eval(constants["BASELINE"]) if "BASELINE" in constants else None
            direction = None
            # a case in two parts (rnnhw.collect_judge) asserts in its judge: the judge returns the
            # metric, and the test function returns what the judge returns
            judge = next((n for n in function.body if isinstance(n, ast.FunctionDef) and n.name == "judge"), None)
            for body in (function.body, judge.body if judge else []):
                for i, node in enumerate(body):
                    test = node.test if isinstance(node, ast.Assert) else None
                    if (isinstance(test, ast.Compare) and len(test.ops) == 1
                            and getattr(test.comparators[0], "id", "") == "THRESHOLD"):
                        direction = ">=" if isinstance(test.ops[0], (ast.GtE, ast.Gt)) else "<="
                        value = test.left
                        if with_errors and baseline is not None:
                            value = ast.Tuple([test.left, ast.Name("error"), ast.Name("baseline_error")], ast.Load())
                        body[i] = ast.Return(value)
                        if body is not function.body:
                            function.body[-1] = ast.Return(function.body[-1].value)
            if "THRESHOLD" in constants and direction:
                if baseline is not None and not {"error", "baseline_error"} <= assigned:
                    raise ValueError(f"{hw} {function.name}: a test with a BASELINE must assign "
                                     "`error` and `baseline_error`")
                found[function.name] = {"question": q.name, "source": ast.unparse(ast.fix_missing_locations(function)),
                                        "direction": direction, "threshold": ast.literal_eval(constants["THRESHOLD"]),
                                        "baseline": baseline}
    return found


def suggested_threshold(direction: str, worst: float) -> float:
    """Two significant digits, rounded away from the reference (toward easier)."""
    value = worst * MARGIN[direction]
    if value == 0:
        return 0.0
    exponent = math.floor(math.log10(abs(value))) - 1
    digits = (math.floor if direction == ">=" else math.ceil)(value / 10 ** exponent)
    return float(f"{digits}e{exponent}")  # through text, so 0.013 stays 0.013


def _measure(reference: Path, tests: dict, seed: int, files: list[Path] = ()) -> dict[str, list[float]]:
    """{test name: [metric] or [skill, error, baseline_error]} of the reference trained under `seed`."""
    nb = without_otter_cells(nbformat.read(reference, as_version=4))
    # as otter does with the seed variable: every cell starts by setting rng_seed
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.source = f"rng_seed = {seed}\n{cell.source}"
    calls = "\n".join(f"{name}_{seed} = {name}(**{{a: globals().get(a) for a in {name}.__code__.co_varnames"
                      f"[:{name}.__code__.co_argcount]}})" for name in tests)
    report = "{" + ", ".join(f"{name!r}: [float(v) for v in np.atleast_1d({name}_{seed})]" for name in tests) + "}"
    nb.cells.append(nbformat.v4.new_code_cell(
        "\n\n".join(t["source"] for t in tests.values())
        + f"\n{calls}\nimport json\nimport numpy as np\nprint(json.dumps({report}))"))
    with tempfile.TemporaryDirectory() as tmp:
        for path in files:  # the data files the master's config ships next to the notebook
            shutil.copy(path, Path(tmp) / path.name)
        NotebookClient(nb, timeout=900, kernel_name="python3", resources={"metadata": {"path": tmp}}).execute()
    output = "".join(o.get("text", "") for o in nb.cells[-1].outputs if o.output_type == "stream")
    metrics = json.loads(output.strip().splitlines()[-1])
    print(f"[calibrate] seed {seed}: " + ", ".join(f"{k} " + "/".join(f"{v:.4g}" for v in vs)
                                                   for k, vs in metrics.items()), flush=True)
    return metrics


def calibrate(hw: str, seeds: int, jobs: int = 2) -> dict:
    tests = threshold_tests(hw, with_errors=True)
    if not tests:
        raise RnnhwError(f"{hw} has no threshold test (a hidden test with THRESHOLD = ... and assert ... THRESHOLD)")
    files = support_files(master_path(hw))
    with tempfile.TemporaryDirectory() as tmp:
        build(hw, Path(tmp))
        reference = reference_notebook(hw, Path(tmp))
        seed_list = list(range(1, seeds + 1))
        with ThreadPoolExecutor(jobs) as pool:
            runs = list(pool.map(lambda s: _measure(reference, tests, s, files), seed_list))
    result = {"assignment": hw, "seeds": seed_list,
              "rule": f"threshold = worst seed x {MARGIN['>=']} for scores and skills (>=), "
                      f"x {MARGIN['<=']} for errors (<=), "
                      "two significant digits, rounded toward easier; skill = 1 - error / baseline_error",
              "metrics": {}}
    for name, test in tests.items():
        values = [run[name][0] for run in runs]
        worst = min(values) if test["direction"] == ">=" else max(values)
        threshold = suggested_threshold(test["direction"], worst)
        metric = result["metrics"][name] = {
            "question": test["question"], "direction": test["direction"],
            "per_seed": dict(zip(map(str, seed_list), values)), "min": min(values), "max": max(values),
            "threshold": threshold, "margin": abs(worst - threshold),
        }
        if test["baseline"] is not None:
            baseline_errors = sorted({run[name][2] for run in runs})
            metric.update({
                "baseline": test["baseline"],
                "baseline_error": baseline_errors[0] if len(baseline_errors) == 1 else baseline_errors,
                "per_seed_error": {str(s): run[name][1] for s, run in zip(seed_list, runs)},
                "reference_beats_baseline_by": min(values),  # the worst seed's skill
            })
    path = master_path(hw).parent / "calibration.json"
    path.write_text(json.dumps(result, indent=2) + "\n")
    for name, m in result["metrics"].items():
        in_notebook = tests[name]["threshold"]
        agree = "agrees" if in_notebook == m["threshold"] else "DIFFERS: update the notebook"
        against = f" (skill against {m['baseline']}, whose error is {m['baseline_error']})" if "baseline" in m else ""
        print(f"[calibrate] {hw} {name}{against}: min {m['min']:.4g} max {m['max']:.4g} "
              f"-> THRESHOLD = {m['threshold']:g} (notebook: {in_notebook:g}, {agree})")
    print(f"[calibrate] wrote {path}")
    return result
