"""Grades one submission with otter run; executed in its own process so a timeout can end it.

usage: python -m rnnhw.run_one AUTOGRADER_ZIP SUBMISSION RESULTS_DIR RESULTS_PICKLE
           [--memory-limit BYTES] [--cell-timeout SECONDS]

Beside the pickled GradingResults it writes RESULTS_PICKLE.json: what this process saw that the
student's kernel cannot hide (hidden test files changed on disk while the notebook ran).
"""

import argparse
import hashlib
import json
import resource
import sys
from pathlib import Path


def _limit_memory(limit: int) -> None:
    """Cap the data segment of this process and of the kernel it starts (children inherit it).

    RLIMIT_DATA, not RLIMIT_AS: a TensorFlow process maps far more address space than it writes
    (measured after one hw2 training epoch: 2.4 GB mapped, 0.58 GB of data; an address-space cap of
    2 GiB aborts TensorFlow, one of 3 GiB does not) and the mapping grows with its threads, so the
    data limit follows what a notebook really allocates; a 30 GB array needs it and is refused."""
    resource.setrlimit(resource.RLIMIT_DATA, (limit, limit))


# Importing otter imports nbformat, hence jsonschema, whose optional IRI checker (rfc3987_syntax)
# compiles some 40 Lark grammars at import: 2-2.6 s, paid once by this process and once by the
# kernel (otter's first cell imports otter). No notebook or otter schema uses the IRI formats, and
# jsonschema goes without that checker when the module is missing, as it is designed to.
# Measured in bench/results.md (overhead) and by `python -X importtime -c "import otter.run"`.
SKIP_IRI_GRAMMARS = "__import__('sys').modules.setdefault('rfc3987_syntax', None)"


def _configure_kernel(cell_timeout: int | None) -> None:
    """Start otter's kernel without the IRI grammars and, given `cell_timeout`, make it interrupt a
    cell that runs longer and go on with the next one, so an endless loop in one answer costs that
    answer only (otter builds its ExecutePreprocessor from this module at grading time)."""
    import nbconvert.preprocessors as preprocessors

    class GradingExecutor(preprocessors.ExecutePreprocessor):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self.extra_arguments = [*self.extra_arguments, f"--IPKernelApp.exec_lines={SKIP_IRI_GRAMMARS}"]
            if cell_timeout:
                self.timeout = cell_timeout
                self.interrupt_on_timeout = True

    preprocessors.ExecutePreprocessor = GradingExecutor


def _digest(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and "__pycache__" not in p.parts}


def _watch_tests(report: dict) -> None:
    """Hash the hidden tests before and after the notebook runs: a kernel may rewrite them on disk
    (they sit in tests/ next to the notebook) before otter reads them in its last cell."""
    from otter.run.run_autograder.runners import python_runner
    grade_notebook = python_runner.grade_notebook

    def watched(*args, test_dir, **kwargs):
        tests = Path(test_dir).resolve()
        before = _digest(tests)
        try:
            return grade_notebook(*args, test_dir=test_dir, **kwargs)
        finally:
            after = _digest(tests) if tests.exists() else {}
            changed = {n for n in before.keys() | after.keys() if before.get(n) != after.get(n)}
            report["tests_changed"] = sorted(changed)

    python_runner.grade_notebook = watched


def main(argv=None) -> None:
    parser = argparse.ArgumentParser()
    for name in ["autograder", "submission", "results_dir", "pickle_path"]:
        parser.add_argument(name)
    parser.add_argument("--memory-limit", type=int)
    parser.add_argument("--cell-timeout", type=int)
    args = parser.parse_args(argv)
    if args.memory_limit:
        _limit_memory(args.memory_limit)

    sys.modules.setdefault("rfc3987_syntax", None)  # see SKIP_IRI_GRAMMARS
    import dill
    import otter.run

    _configure_kernel(args.cell_timeout)
    report: dict = {}
    _watch_tests(report)
    try:
        results = otter.run.main(args.submission, autograder=args.autograder, output_dir=args.results_dir,
                                 no_logo=True)
    finally:
        Path(args.pickle_path + ".json").write_text(json.dumps(report))
    with open(args.pickle_path, "wb") as f:
        dill.dump(results, f)


if __name__ == "__main__":
    main()
