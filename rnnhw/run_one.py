"""Runs one notebook with otter's grading steps, inside the sandbox (stage `run` of rnnhw grade).

usage: python -m rnnhw.run_one < JOB_JSON     (report written to the fd named by RNNHW_REPORT_FD)

This process and the kernel it starts share the sandbox; the kernel runs the student's code, so
nothing the kernel writes is trusted here more than in the grader. The order of the cells:

1. otter's grading notebook: otter's GradingPreprocessor seeds every student cell and adds the init
   cell (grading mode), as `otter run` does; otter's log server is not started (it unpickles what
   reaches its port) and its last cell, which pickles the results, is replaced by:
2. `finish`: back to the grading folder, the graded values written as plain files (rnnhw.answers),
   hooks the notebook left behind looked for (rnnhw.in_kernel);
3. only now the hidden tests are written into the folder, from this process's memory (they came on
   stdin, which the kernel never sees; this process is made undumpable so that the kernel, same
   user, cannot read them from its memory either), and `run_tests` runs them as otter's last cell
   does; the cases written in two parts (rnnhw.collect_judge) are not among them: only their
   `collect` parts run, and write what they gather as plain files for the verify stage. The
   results are read as soon as that cell ends, before any exit hook of the kernel runs, and the
   test files are checked against what was written.

The report is plain JSON: the kernel's verdict per test case, the cell errors, the hooks found.
"""

import ctypes
import json
import os
import shutil
import stat
import sys
from pathlib import Path

# Importing otter imports nbformat, hence jsonschema, whose optional IRI checker (rfc3987_syntax)
# compiles some 40 Lark grammars at import: 2-2.6 s, paid once by this process and once by the
# kernel (the init cell imports otter). No notebook or otter schema uses the IRI formats, and
# jsonschema goes without that checker when the module is missing, as it is designed to.
# Measured in bench/results.md (overhead) and by `python -X importtime -c "import otter.run"`.
SKIP_IRI_GRAMMARS = "__import__('sys').modules.setdefault('rfc3987_syntax', None)"
MAX_RESULTS_BYTES = 16 * 2**20
PR_SET_DUMPABLE = 4


def grading_executor(cell_timeout: int | None, before_cell=None, after_cell=None):
    """nbconvert's ExecutePreprocessor on the python3 kernel whatever the notebook's kernelspec says
    (as otter does in containers and Gradescope), starting the kernel without the IRI grammars and,
    given `cell_timeout`, interrupting a cell that runs longer and going on with the next one (an
    endless loop in one answer costs that answer only). `before_cell(index)` and `after_cell(index)`
    are called around each cell."""
    from nbconvert.preprocessors import ExecutePreprocessor

    class GradingExecutor(ExecutePreprocessor):
        def preprocess_cell(self, cell, resources, index):
            if before_cell:
                before_cell(index)
            result = super().preprocess_cell(cell, resources, index)
            if after_cell:
                after_cell(index)
            return result

    executor = GradingExecutor(kernel_name="python3", allow_errors=True)
    executor.extra_arguments = [*executor.extra_arguments, f"--IPKernelApp.exec_lines={SKIP_IRI_GRAMMARS}"]
    if cell_timeout:
        executor.timeout = cell_timeout
        executor.interrupt_on_timeout = True
    return executor


def graded_notebook(nb, job: dict, tests_dir: Path, results: Path):
    """The notebook as otter grades it, with rnnhw's first and last cells (see the module's doc)."""
    import nbformat
    from otter.execute.preprocessor import GradingPreprocessor
    from otter.utils import id_generator
    from traitlets.config import Config

    folder = job["folder"]
    config = Config()
    config.GradingPreprocessor.update(cwd=folder, test_dir=str(tests_dir), tests_glob=[], results_path=str(results),
                                      seed=job.get("seed"), seed_variable=job.get("seed_variable"),
                                      logging_server_host="", logging_server_port=0, force_python3_kernel=True)
    preprocessor = GradingPreprocessor(config=config)
    nb, _ = preprocessor.preprocess(nb)
    notebook, module = preprocessor._notebook_name, f"rnnhw_{id_generator()}"
    nb.cells[0].source = (f"from otter import Notebook as {notebook}\n"
                          f"{notebook}.init_grading_mode({str(tests_dir)!r})\n"
                          f"from rnnhw import in_kernel as {module}\n{module}.setup()")
    tests = [str(tests_dir / name) for name in sorted(job["tests"])]
    nb.cells[-1] = nbformat.v4.new_code_cell(
        f"{module}.finish({folder!r}, {job['names']!r}, {str(Path(folder) / 'answers')!r}, globals())")
    nb.cells.append(nbformat.v4.new_code_cell(
        f"{module}.run_tests({folder!r}, {tests!r}, {str(results)!r}, globals(),\n"
        f"    {job.get('collect', {})!r}, {str(Path(folder) / 'collected')!r})"))
    return nb


def _read_small(path: Path, limit: int) -> bytes | None:
    """A regular file's bytes (at most `limit`), None if it is anything else."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError:
        return None
    with os.fdopen(fd, "rb") as f:
        info = os.fstat(f.fileno())
        return f.read(limit + 1) if stat.S_ISREG(info.st_mode) and info.st_size <= limit else None


def _put_tests(tests_dir: Path, tests: dict[str, str]) -> None:
    if tests_dir.is_symlink() or tests_dir.is_file():
        tests_dir.unlink()
    shutil.rmtree(tests_dir, ignore_errors=True)
    tests_dir.mkdir()
    for name, source in tests.items():
        (tests_dir / name).write_text(source)


def cell_errors(nb) -> list[str]:
    """'ename: evalue' of each cell that raised, in order."""
    return [f"{o.get('ename')}: {o.get('evalue', '')}"[:200].strip()
            for cell in nb.cells for o in cell.get("outputs", []) if o.get("output_type") == "error"]


def grade(job: dict, report: dict) -> None:
    """Run the notebook; fill `report` as the verdicts come (a kernel that dies after the tests ran
    keeps them)."""
    import nbformat

    folder = Path(job["folder"])
    tests_dir, results = folder / "tests", folder / "kernel-results.json"
    nb = graded_notebook(nbformat.read(job["notebook"], as_version=4), job, tests_dir, results)
    tests_cell = len(nb.cells) - 1

    def before(index: int) -> None:
        if index == tests_cell:
            _put_tests(tests_dir, job["tests"])

    def after(index: int) -> None:
        if index != tests_cell:
            return
        data = _read_small(results, MAX_RESULTS_BYTES)
        try:
            kernel = json.loads(data) if data else None
        except (ValueError, RecursionError):
            kernel = None
        if isinstance(kernel, dict):
            report["kernel"], report["hooks"] = kernel.get("tests"), kernel.get("hooks")
            report["collect_errors"] = kernel.get("collect_errors")
        report["tests_changed"] = sorted(
            name for name, source in job["tests"].items()
            if (_read_small(tests_dir / name, 2**24) or b"") != source.encode())
        shutil.rmtree(tests_dir, ignore_errors=True)

    executor = grading_executor(job.get("cell_timeout"), before, after)
    executed, _ = executor.preprocess(nb, {"metadata": {"path": str(folder)}})
    report["errors"] = cell_errors(executed)


def main() -> None:
    job = json.loads(sys.stdin.buffer.read())
    os.dup2(os.open(os.devnull, os.O_RDONLY), 0)
    report_fd = int(os.environ.pop("RNNHW_REPORT_FD"))
    os.set_inheritable(report_fd, False)
    # The kernel runs as the same user: without this it could read the hidden tests in this
    # process's memory (/proc/PID/mem) or its files (/proc/PID/fd) before they reach the disk.
    ctypes.CDLL(None, use_errno=True).prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)
    sys.modules.setdefault("rfc3987_syntax", None)  # see SKIP_IRI_GRAMMARS
    report: dict = {"failure": None, "kernel": None, "hooks": [], "tests_changed": [], "errors": []}
    try:
        grade(job, report)
    except Exception as e:  # noqa: BLE001 - the report says what happened, whatever it was
        from nbclient.exceptions import DeadKernelError
        if report["kernel"] is None:
            report["failure"] = ("the kernel died while the notebook ran (it exited, crashed or ran out of "
                                 "memory)" if isinstance(e, DeadKernelError) else f"{type(e).__name__}: {str(e)[:300]}")
    with os.fdopen(report_fd, "w") as f:
        json.dump(report, f)


if __name__ == "__main__":
    main()
