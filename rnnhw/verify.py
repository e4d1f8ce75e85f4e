"""Runs hidden test cases on the graded values alone, in a fresh sandbox (stage `verify`).

usage: python -m rnnhw.verify < JOB_JSON     (report written to the fd named by RNNHW_REPORT_FD)

Otter runs the hidden tests in the student's kernel, after the student's code, which can defeat
them (replace otter's checker, numpy or the answers' comparisons, rewrite the results). This process
never ran any of the student's code: it reads the values the kernel wrote (rnnhw.answers: plain
data, arrays and Keras models, as exact types) and runs the test cases whose arguments are all
values, the same functions otter ran, in the same order. rnnhw grade gives a case its points only
when both verdicts pass it, and flags a submission whose kernel passed a case that fails here.
Test cases that take a function or a class of the notebook are judged here when written in two parts
(rnnhw.collect_judge): their `judge` runs on the data their `collect` gathered in the kernel. The
others can only be run in the kernel, and so can those given a Keras model of the notebook's own
classes (reported as `notebook_models`); the judges whose data hold outputs of such a model, which
the kernel computed, are reported as `kernel_outputs`.
"""

import json
import os
import sys
from pathlib import Path


def run_cases(tests: dict[str, str], cases: dict[str, list[str]], values: dict) -> dict:
    """{test file: {case: [passed, message]}} for the named cases, as otter's ExceptionTestFile.run
    gives them (a missing value is None, as otter passes it)."""
    if not cases:  # as when only two-part cases are judged: otter (1.5 s to import) is not loaded
        return {}
    from otter.test_files.exception_test import ExceptionTestFile

    verdicts: dict = {}
    for name in sorted(cases):
        test_file = ExceptionTestFile.from_string(tests[name], path=name)
        verdicts[name] = {}
        for case in test_file.test_cases:
            if case.name not in cases[name]:
                continue
            try:
                case.body.call_func(dict(values))
                verdicts[name][case.name] = [True, "passed"]
            except Exception as e:  # noqa: BLE001 - a failing assert or any error fails the case
                try:
                    message = test_file._generate_error_message(e)
                except Exception:  # noqa: BLE001 - raised outside the test function
                    message = f"{type(e).__name__}: {e}"
                verdicts[name][case.name] = [False, message[:2000]]
    return verdicts


def run_judges(judges: dict[str, str], collected: dict, problems: dict[str, str]) -> dict:
    """{name: [passed, message]}: each `judge` part on the data its `collect` part gathered."""
    from .collect_judge import define

    verdicts = {}
    for name, source in sorted(judges.items()):
        if name not in collected:
            verdicts[name] = [False, f"the data the test gathered in the kernel could not be read "
                                     f"({problems.get(name, 'none was written')})"]
            continue
        try:
            define(source, "judge")(collected[name])
            verdicts[name] = [True, "passed"]
        except Exception as e:  # noqa: BLE001 - a failing assert or any error fails the case
            verdicts[name] = [False, f"{type(e).__name__}: {e}"[:2000]]
    return verdicts


def main() -> None:
    job = json.loads(sys.stdin.buffer.read())
    report_fd = int(os.environ.pop("RNNHW_REPORT_FD"))
    sys.modules.setdefault("rfc3987_syntax", None)  # see rnnhw.run_one.SKIP_IRI_GRAMMARS
    report: dict = {"failure": None, "verdicts": {}, "judged": {}, "problems": {}, "notebook_models": {},
                    "kernel_outputs": []}
    try:
        from .answers import read
        from .collect_judge import on_kernel_outputs
        if job.get("answers"):
            values, report["problems"], report["notebook_models"] = read(Path(job["answers"]))
            report["verdicts"] = run_cases(job["tests"], job["cases"], values)
        if job.get("collected"):
            collected, problems, models = read(Path(job["collected"]))
            problems.update({name: f"a Keras model of the notebook's class {cls}" for name, cls in models.items()})
            report["judged"] = run_judges(job["judges"], collected, problems)
            report["kernel_outputs"] = sorted(name for name in job["judges"] if on_kernel_outputs(collected.get(name)))
    except Exception as e:  # noqa: BLE001 - unreadable answers: every case fails, with the reason
        report["failure"] = f"{type(e).__name__}: {str(e)[:300]}"
    with os.fdopen(report_fd, "w") as f:
        json.dump(report, f)


if __name__ == "__main__":
    main()
