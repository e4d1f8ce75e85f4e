"""Grades submissions through the built autograder zip, each in sandboxes of its own.

Each submission goes through three stages, each a fresh process in its own bubblewrap sandbox
(rnnhw/sandbox.py), which reports to the grader in plain JSON:

1. prepare (rnnhw/prepare.py): read the file, write the notebook to grade, scan it (rnnhw/scan.py);
2. run (rnnhw/run_one.py): otter's grading steps, the student's kernel included; the hidden tests
   reach the sandbox only for the last cell, and the kernel writes the graded values as plain files;
3. verify (rnnhw/verify.py): the hidden test cases whose arguments are all values, run again on
   those files by a process that never ran the student's code.

A case earns its points when the kernel passed it and, where it could be run outside, so did the
verify stage; a kernel that passed a case that fails outside it is flagged for review, as are a
scan finding, hooks left behind and hidden tests changed while they ran. This process reads only
those reports (size-checked, each field checked) and never the files the sandboxes wrote: nothing
a submission writes is unpickled, and any failure, of a stage or of this code, is that
submission's row alone.
"""

import builtins
import functools
import inspect
import itertools
import json
import os
import shutil
import stat
import tempfile
import time
import zipfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
from otter.grade.utils import merge_scores_to_df
from otter.test_files import GradingResults
from otter.test_files.abstract_test import TestCaseResult
from otter.test_files.exception_test import ExceptionTestFile

from . import ROOT, RnnhwError, assignment_names, autograder_zip, sandbox
from .collect_judge import SplitCase, global_names, key, split_cases, stubbed
from .sandbox import DEFAULT_TIMEOUT
from .report import FEEDBACK_DIR, write_report
from .syntax import parse

# A cell running longer than this share of the timeout is interrupted and the notebook goes on (an
# endless loop costs its own question only): the longest cell, a training, took about 35 s on a
# machine at a load average of 9 (hw2: 12 epochs x 2.87 s), and the rest of the notebook fits in the other half.
CELL_TIMEOUT_SHARE = 0.5
# Cap on the writable memory of each process of a sandbox (RLIMIT_DATA): the references peak at
# 0.86-0.90 GB (README, Performance) and grade the same under a 2 GiB cap (checked: hw1, hw2, hw4);
# 4 GiB keeps two parallel gradings far below the 24 GB of the machine when a notebook tries to
# allocate 30 GB.
DEFAULT_MEMORY_LIMIT = 4 * 2**30
# The largest submission file looked at (before anything reads it).
MAX_SUBMISSION_BYTES = 1 * 2**30
# The largest report of a stage (JSON: verdicts, messages, errors).
MAX_REPORT_BYTES = 8 * 2**20
# The last part of a submission's grading log kept in its results folder.
MAX_LOG_BYTES = 1 * 2**20
# Lines TensorFlow's C++ logging writes whatever TF_CPP_MIN_LOG_LEVEL says: not a reason.
TENSORFLOW_LOG_LINES = ("I0000", "W0000", "E0000", "WARNING: All log messages")
NO_SANDBOX_HELP = ("Install it (`apt-get install bubblewrap`, `dnf install bubblewrap`, `pacman -S bubblewrap`), "
                   "or grade with --no-sandbox, which runs each notebook with your rights: "
                   "only for notebooks you trust.")


class Unfit(Exception):
    """The submission cannot be graded at all; the message says why."""


def find_submissions(paths: list[str]) -> list[Path]:
    found = []
    for path in map(Path, paths):
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.is_file() and p.suffix in {".ipynb", ".zip"})
        elif path.is_file():
            found.append(path)
        else:
            raise RnnhwError(f"no such file or folder: {path}")
    return found


# ---- what the grader knows of an assignment ------------------------------------------------------

@dataclass
class Assignment:
    """One autograder zip (or the folder it was unpacked into), read once: hidden tests, data files,
    seed, which test arguments are the notebook's functions and classes (listed by the build in
    otter_config.json, rnnhw/autograder.py) and which are Keras models (those a test checks with
    isinstance(name, keras.Model))."""
    name: str
    tests: dict[str, str]
    files: dict[str, bytes]
    seed: int | None
    seed_variable: str | None
    callables: set[str]
    models: set[str] = field(default_factory=set)
    written: dict[str, float] = field(default_factory=dict)  # graded by hand: {question: points}

    @functools.cached_property
    def split(self) -> dict[str, dict[str, SplitCase]]:
        """{test file: {test function: its two parts}} for the cases written as collect and judge."""
        return {name: cases for name, source in self.tests.items() if (cases := split_cases(source))}

    def kernel_tests(self) -> dict[str, str]:
        """The test files the kernel runs: the cases written in two parts as stubs (judged outside)."""
        return {name: stubbed(source, set(self.split.get(name, {}))) for name, source in self.tests.items()}

    def split_case(self, test_file: str, case) -> SplitCase | None:
        return self.split.get(test_file, {}).get(case.body.test_func.__name__)

    def test_files(self) -> list[ExceptionTestFile]:
        return [ExceptionTestFile.from_string(source, path=name) for name, source in sorted(self.tests.items())]

    def arguments(self) -> list[str]:
        """Every name a hidden test takes, in order."""
        names = [p for t in self.test_files() for c in t.test_cases for p in _parameters(c)]
        return list(dict.fromkeys(n for n in names if n != "env"))

    def runs_outside(self, case) -> bool:
        """Whether a test case takes only values (no function or class of the notebook, no `env`)
        and needs nothing another case leaves behind (a global of its test file that is not there
        when the file is loaded: hw2's q3 compares the model with the one an earlier case trained)."""
        return not (set(_parameters(case)) & (self.callables | {"env"})) and not _reads_state(case.body.test_func)


def _parameters(case) -> list[str]:
    return list(inspect.signature(case.body.test_func).parameters)


def _reads_state(function) -> bool:
    """Whether a test function reads a global that its file does not define when loaded."""
    return bool(global_names(function.__code__) - set(vars(builtins)) - set(function.__globals__))


def _checked_as_models(tests: dict[str, str]) -> set[str]:
    """Names the tests check with isinstance(name, keras.Model) (or Sequential): the models."""
    import ast
    names = set()
    for source in tests.values():
        for node in ast.walk(parse(source)):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "isinstance"
                    and len(node.args) == 2 and isinstance(node.args[0], ast.Name)
                    and ast.unparse(node.args[1]).split(".")[-1] in ("Model", "Sequential")):
                names.add(node.args[0].id)
    return names


@functools.cache
def load_assignment(path: Path) -> Assignment:
    """An autograder zip, or the folder Gradescope unpacks it into (/autograder/source)."""
    if path.is_dir():
        contents = {p.relative_to(path).as_posix(): p.read_bytes() for p in path.rglob("*") if p.is_file()}
    else:
        with zipfile.ZipFile(path) as z:
            contents = {n: z.read(n) for n in z.namelist() if not n.endswith("/")}
    config = json.loads(contents["otter_config.json"])
    tests = {Path(n).name: data.decode() for n, data in contents.items()
             if n.startswith("tests/") and n.endswith(".py") and not n.endswith("__init__.py")}
    files = {Path(n).name: data for n, data in contents.items() if n.startswith("files/")}
    if "rnnhw" not in config:
        raise RnnhwError(f"{path} was not built by rnnhw (its otter_config.json has no rnnhw entry): "
                         "run `python -m rnnhw build`")
    return Assignment(config.get("assignment_name") or path.parent.name, tests, files, config.get("seed"),
                      config.get("seed_variable"), set(config["rnnhw"]["callables"]), _checked_as_models(tests),
                      config["rnnhw"].get("written", {}))


# ---- reading what a stage reports ----------------------------------------------------------------

def _read_report(path: Path) -> dict | None:
    """A stage's JSON report, or None if there is none or it is not one."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
    except OSError:
        return None
    with os.fdopen(fd, "rb") as f:
        if not stat.S_ISREG(os.fstat(f.fileno()).st_mode):
            return None
        data = f.read(MAX_REPORT_BYTES + 1)
    try:
        report = json.loads(data) if 0 < len(data) <= MAX_REPORT_BYTES else None
    except (ValueError, RecursionError):
        return None
    return report if isinstance(report, dict) else None


def _text(value, limit: int = 300) -> str | None:
    return value[:limit] if isinstance(value, str) else None


def _texts(value, limit: int = 300) -> list[str]:
    return [v[:limit] for v in value[:50] if isinstance(v, str)] if isinstance(value, list) else []


def _named_texts(value, limit: int = 200) -> dict[str, str]:
    """{name: text} from a stage's report, dropping anything else."""
    return {k[:100]: v[:limit] for k, v in list(value.items())[:200] if isinstance(k, str) and isinstance(v, str)} \
        if isinstance(value, dict) else {}


def _verdicts(value) -> dict[str, dict[str, tuple[bool, str]]]:
    """{test file: {case: (passed, message)}} from a stage's report, dropping anything else."""
    verdicts = {}
    for name, cases in (value.items() if isinstance(value, dict) else []):
        if isinstance(name, str) and isinstance(cases, dict):
            verdicts[name] = {case: (v[0] is True, _text(v[1], 2000) or "") for case, v in cases.items()
                              if isinstance(case, str) and isinstance(v, list) and len(v) == 2}
    return verdicts


def _is_folder(path: Path) -> bool:
    try:
        return stat.S_ISDIR(os.lstat(path).st_mode)
    except OSError:
        return False


def _log_tail(log: Path) -> str:
    with open(log, "rb") as f:
        f.seek(max(0, log.stat().st_size - MAX_LOG_BYTES))
        return f.read().decode(errors="replace")


# ---- one submission ------------------------------------------------------------------------------

@dataclass
class Item:
    """One submission to grade: its assignment, file, name in the table, zip and results folder."""
    hw: str
    submission: Path
    name: str
    zip_path: Path | None  # the autograder zip, or the folder it was unpacked into (Gradescope's)
    results_dir: Path
    prepared: "Prepared | None" = None


@dataclass
class Prepared:
    """A submission after the prepare stage: its work folder and the stage's report."""
    work: Path
    uid: int | None
    report: dict = field(default_factory=dict)

    @property
    def grading(self) -> Path:
        return self.work / "grading"

    @property
    def home(self) -> Path:
        """The home of the stages' own user when they run without the sandbox."""
        return self.work / "home"


@dataclass
class Settings:
    timeout: float = DEFAULT_TIMEOUT
    memory_limit: int = DEFAULT_MEMORY_LIMIT
    scan: bool = True
    use_sandbox: bool = True
    # Without the sandbox, when the grader runs as root: run each submission's stages as an
    # unprivileged user of their own anyway (Gradescope's container: rnnhw/gradescope.py).
    own_user: bool = False

    @property
    def limits(self) -> sandbox.Limits:
        return sandbox.Limits(memory=self.memory_limit)


def _stage(name: str, work: Path, job: dict, settings: Settings, uid: int | None,
           writable: dict[Path, str], readable: dict[Path, str], cwd: str) -> tuple[sandbox.Outcome, dict | None]:
    # the instructions hold the hidden tests: only the grader may read them (the stage gets them on stdin)
    with open(work / f"{name}-job.json", "w", opener=sandbox.private_opener) as f:
        json.dump(job, f)
    if not settings.use_sandbox:  # the same folders, at their own paths
        writable, readable = {p: str(p) for p in writable}, {p: str(p) for p in readable}
    outcome = sandbox.run(["-m", f"rnnhw.{name}"], writable=writable, readable=readable, cwd=cwd,
                          job=work / f"{name}-job.json", report=work / f"{name}-report.json", log=work / "log.txt",
                          timeout=settings.timeout, limits=settings.limits, sandbox=settings.use_sandbox, uid=uid,
                          home=work / "home")
    return outcome, _read_report(work / f"{name}-report.json")


def prepare_submission(submission: Path, settings: Settings) -> Prepared:
    """Stage 1: the submission's own folder, its notebook to grade, the assignment it names."""
    work = Path(tempfile.mkdtemp(prefix="rnnhw-grade-"))
    prepared = Prepared(work, sandbox.new_uid() if settings.use_sandbox or settings.own_user else None)
    try:
        info = os.lstat(submission)
        if not stat.S_ISREG(info.st_mode):
            raise Unfit("not a regular file (a link or a device)")
        if info.st_size > MAX_SUBMISSION_BYTES:
            raise Unfit(f"a file of {info.st_size / 2**20:.0f} MB, larger than any notebook")
        prepared.grading.mkdir()
        sandbox.own(prepared.grading, prepared.uid)
        inside = f"/submission/{'submission.zip' if submission.suffix == '.zip' else 'submission.ipynb'}"
        if not settings.use_sandbox and prepared.uid is not None:
            # the stages' own user may enter the work folder but list nothing in it (the instructions
            # and reports are the grader's, 0600); it reads a copy of the submission
            os.chmod(work, 0o711)
            prepared.home.mkdir()
            sandbox.own(prepared.home, prepared.uid)
            (work / "submission").mkdir()
            shutil.copyfile(submission, work / inside.lstrip("/"))
            sandbox.own(work / "submission", prepared.uid)
            inside = str(work / inside.lstrip("/"))
        elif not settings.use_sandbox:
            inside = str(submission.resolve())
        output = "/grading/submission.ipynb" if settings.use_sandbox else str(prepared.grading / "submission.ipynb")
        outcome, report = _stage("prepare", work, {"submission": inside, "output": output}, settings, prepared.uid,
                                 {prepared.grading: "/grading"}, {submission.resolve(): inside},
                                 "/grading" if settings.use_sandbox else str(prepared.grading))
        if outcome.timed_out:
            raise Unfit(f"reading it timed out after {settings.timeout:.0f} s")
        if report is None:
            raise Unfit(f"could not be read (exit code {outcome.returncode})")
        prepared.report = {"unfit": _text(report.get("unfit")), "assignment": _text(report.get("assignment"), 100),
                           "notes": _texts(report.get("notes")), "flags": _texts(report.get("flags"))}
    except Unfit as e:
        prepared.report = {"unfit": str(e)}
    except Exception as e:  # noqa: BLE001 - this submission's failure alone
        prepared.report = {"unfit": f"could not be read ({type(e).__name__}: {e})"}
    return prepared


def assignment_of(prepared: Prepared, submission: Path) -> str | None:
    """The assignment a submission belongs to: from otter's notebook metadata, else its folder name."""
    names = assignment_names()
    name = prepared.report.get("assignment")
    if name in names:
        return name
    return submission.parent.name if submission.parent.name in names else None


def _failure(reason: str) -> GradingResults:
    return GradingResults.without_results(RuntimeError(reason))


def _run_and_verify(assignment: Assignment, prepared: Prepared, results_dir: Path,
                    settings: Settings) -> tuple[GradingResults, list[str], list[str], list[str]]:
    """Stages 2 and 3 for a prepared notebook: the results, cell errors, flags and notes."""
    grading, work = prepared.grading, prepared.work
    notebook = grading / f"{assignment.name}.ipynb"
    os.replace(grading / "submission.ipynb", notebook)
    for name, data in assignment.files.items():
        (grading / name).write_bytes(data)
    sandbox.own(grading, prepared.uid)
    folder = "/grading" if settings.use_sandbox else str(grading)
    cell_timeout = max(1, int(settings.timeout * CELL_TIMEOUT_SHARE))
    split = {key(name, f): case for name, cases in assignment.split.items() for f, case in cases.items()}
    job = {"notebook": f"{folder}/{notebook.name}", "folder": folder, "tests": assignment.kernel_tests(),
           "seed": assignment.seed, "seed_variable": assignment.seed_variable, "cell_timeout": cell_timeout,
           "names": [n for n in assignment.arguments() if n not in assignment.callables],
           "collect": {k: [case.collect, case.arguments] for k, case in split.items()}}
    outcome, report = _stage("run_one", work, job, settings, prepared.uid, {grading: "/grading"}, {}, folder)
    if outcome.timed_out:
        return _failure(f"timed out after {settings.timeout:.0f} s"), [], [], []
    if report is None or report.get("failure") or report.get("kernel") is None:
        if report is not None:
            reason = _text(report.get("failure")) or "the hidden tests gave no results (the tests' cell did not end, " \
                "or the notebook removed or replaced what it wrote)"
        else:
            tail = [line for line in _log_tail(work / "log.txt").splitlines()
                    if line.strip() and not line.startswith(TENSORFLOW_LOG_LINES)]
            reason = tail[-1][:300] if tail else f"grader exited with code {outcome.returncode}"
        return _failure(f"could not be graded: {reason}"), [], [], []
    kernel, errors = _verdicts(report["kernel"]), _texts(report.get("errors"), 200)
    collect_errors = _named_texts(report.get("collect_errors"), 2000)
    flags = [f"left hooks behind: {h}" for h in _texts(report.get("hooks"))]
    if _texts(report.get("tests_changed")):
        flags.append(f"rewrote the hidden tests while they ran ({', '.join(_texts(report['tests_changed']))})")

    # stage 3: the cases the kernel passed that take only values, on the values alone
    test_files = assignment.test_files()
    outside = {t.path: [c.name for c in t.test_cases if assignment.runs_outside(c)
                        and kernel.get(t.path, {}).get(c.name, (False,))[0]] for t in test_files}
    outside = {name: cases for name, cases in outside.items() if cases}
    # and the cases written in two parts, judged on the data their collect part gathered in the kernel
    judges = {k: case.judge for k, case in split.items() if k not in collect_errors}
    answers, collected = (p if _is_folder(p) else None for p in (grading / "answers", grading / "collected"))
    verdicts, judged, problems, notebook_models, kernel_outputs, not_checked = {}, {}, {}, {}, set(), None
    if (outside and answers) or (judges and collected):
        checked = work / "verify"
        checked.mkdir()
        for name, data in assignment.files.items():
            (checked / name).write_bytes(data)
        sandbox.own(checked, prepared.uid)
        folders = {p: f"/{p.name}" if settings.use_sandbox else str(p) for p in (answers, collected) if p}
        outcome, report = _stage("verify", work, {
            "tests": assignment.tests, "cases": outside if answers else {}, "answers": folders.get(answers),
            "judges": judges if collected else {}, "collected": folders.get(collected)},
            settings, prepared.uid, {checked: "/verify"}, {p: f"/{p.name}" for p in folders},
            "/verify" if settings.use_sandbox else str(checked))
        verdicts = _verdicts(report.get("verdicts")) if report else {}
        judged = _verdicts({"": report.get("judged")}).get("", {}) if report else {}
        problems = _named_texts(report.get("problems")) if report else {}
        notebook_models = _named_texts(report.get("notebook_models")) if report else {}
        kernel_outputs = set(_texts(report.get("kernel_outputs"), 300)) if report else set()
        if report and _text(report.get("failure")):
            errors.append(f"graded values unreadable: {_text(report.get('failure'))}")
        if outcome.timed_out or report is None:
            not_checked = f"the check outside the kernel {'timed out' if outcome.timed_out else 'gave no report'}"
    if outside and not answers:
        not_checked = "the kernel left no graded values"

    # A Keras model of the notebook's own classes is code, like a function: where the tests expect a
    # model, its cases keep the kernel's verdict (honest subclassed models). Any other value that
    # could not be rebuilt outside fails there, as a value the kernel's verdict cannot be checked on.
    code = {name: cls for name, cls in notebook_models.items() if name in assignment.models}
    unchecked = {**problems, **{name: f"a Keras model of the notebook's class {cls}, where the tests expect no model"
                                for name, cls in notebook_models.items() if name not in code}}
    otter_gave, disagree, not_rebuilt, kernel_only = 0.0, [], [], []
    for test_file in test_files:
        for case in test_file.test_cases:
            if split_case := assignment.split_case(test_file.path, case):
                k = key(test_file.path, split_case.function)
                passed, message = (False, collect_errors[k]) if k in collect_errors else judged.get(
                    k, (False, "its data from the kernel could not be judged: " + (not_checked or "none was written")))
                otter_gave += case.points if passed else 0
                if passed and k in kernel_outputs:
                    kernel_only.append(case.name)
                test_file.test_case_results.append(TestCaseResult(test_case=case, message=message, passed=passed))
                continue
            passed, message = kernel.get(test_file.path, {}).get(case.name, (False, "no result from the kernel"))
            otter_gave += case.points if passed else 0
            if passed and case.name in outside.get(test_file.path, []):
                if set(_parameters(case)) & set(code):
                    kernel_only.append(case.name)
                else:
                    passed, message = verdicts.get(test_file.path, {}).get(
                        case.name, (False, "not run on the graded values (they could not be read)"))
                    if not passed:
                        (not_rebuilt if set(_parameters(case)) & set(unchecked) else disagree).append(case.name)
            test_file.test_case_results.append(TestCaseResult(test_case=case, message=message, passed=passed))
    if disagree and not_checked:
        flags.append(f"its kernel passed {len(disagree)} test case(s) that could not be checked outside the kernel: "
                     f"{not_checked} ({', '.join(disagree[:5])})")
    elif disagree:
        flags.append(f"its kernel passed {len(disagree)} test case(s) that fail on its answers outside the kernel "
                     f"({', '.join(disagree[:5])})")
    if not_rebuilt:
        flags.append(f"its kernel passed {len(not_rebuilt)} test case(s) on values that could not be rebuilt outside "
                     f"the kernel ({', '.join(not_rebuilt[:5])}; "
                     f"{'; '.join(f'{k}: {v}' for k, v in list(unchecked.items())[:3])})")
    # a case judged in two parts on the outputs of such a model rests on the kernel as much
    notes = [f"{len(kernel_only)} case(s) graded in the kernel only, as they take a model of the notebook's "
             f"own classes{' (' + ', '.join(f'{k}: {v}' for k, v in code.items()) + ')' if code else ''}: "
             f"{', '.join(kernel_only[:5])}"] if kernel_only else []
    result = GradingResults(test_files)
    result.otter_gave = otter_gave
    return result, errors, flags, notes


def grade_one(item: Item, settings: Settings) -> GradingResults:
    """Grade one submission; any failure gives a failed result with the reason.

    A submission that the scan flags is not run (settings.scan=False runs it, to regrade after a
    review). The result carries `status` (the grading_status text) and `flags`."""
    prepared = item.prepared or prepare_submission(item.submission, settings)
    try:
        item.results_dir.mkdir(parents=True, exist_ok=True)
        report, notes, flags = prepared.report, prepared.report.get("notes", []), prepared.report.get("flags", [])
        if report.get("unfit"):
            return _with_status(_failure(report["unfit"]), notes, [])
        if item.zip_path is None:
            return _with_status(_failure("not a notebook of any assignment (no otter metadata, no assignment "
                                         "folder)"), notes, [])
        assignment = load_assignment(item.zip_path)
        named = report.get("assignment")
        if named and named != assignment.name:
            return _with_status(_failure(f"the notebook of {named}, not of {assignment.name}"), notes, [])
        if flags and settings.scan:
            # code written to game the grader is not run at all: it could do worse than that
            return _with_status(_failure("not run"), notes, flags)
        if flags:  # the instructor reviewed it and regrades with the scan off
            notes, flags = notes + [f"scan off, it flags: {'; '.join(flags)}"], []
        result, errors, found, kernel_only = _run_and_verify(assignment, prepared, item.results_dir, settings)
        return _with_status(result, notes + kernel_only, flags + found, errors,
                            max(1, int(settings.timeout * CELL_TIMEOUT_SHARE)))
    except (Exception, SystemExit) as e:  # noqa: BLE001 - a bug or an odd file costs this row only
        return _with_status(_failure(f"could not be graded ({type(e).__name__}: {str(e)[:200]})"), [], [])
    finally:
        if (prepared.work / "log.txt").exists() and item.results_dir.is_dir():
            (item.results_dir / "grading.log").write_text(_log_tail(prepared.work / "log.txt"))
        _remove(prepared.work)
        if prepared.uid is not None and not settings.use_sandbox:
            sandbox.remove_files_of(prepared.uid)  # no sandbox's /tmp to take them away


def _remove(folder: Path) -> None:
    """Remove a work folder, whatever modes the sandbox left on what it wrote."""
    def unlock(function, path, _):
        os.chmod(os.path.dirname(path), 0o700)
        if os.path.isdir(path) and not os.path.islink(path):
            os.chmod(path, 0o700)
        function(path)
    shutil.rmtree(folder, onerror=unlock)


def _with_status(result: GradingResults, notes: list[str], flags: list[str], errors: list[str] = (),
                 cell_timeout: int | None = None) -> GradingResults:
    """Attach the grading_status text; a flagged submission gets 0 until an instructor reviews it."""
    if flags:
        possible = sum(t.possible for t in result.results.values())
        why = result.catastrophic_error if result.has_catastrophic_failure() else (
            f"score withheld, otter gave {getattr(result, 'otter_gave', result.total):g}/{possible:g}")
        result = _failure(f"FLAGGED for review ({why}): {'; '.join(flags)}")
    result.flags = flags
    parts = ["Completed" if not result.has_catastrophic_failure() else str(result.catastrophic_error)]
    if not result.has_catastrophic_failure():
        if any(e.startswith("KeyboardInterrupt") for e in errors):
            parts.append(f"a cell ran past {cell_timeout} s and was interrupted")
        if errors:
            kinds = list(dict.fromkeys(e.split(":")[0] for e in errors))
            parts.append(f"{len(errors)} cell(s) raised errors ({', '.join(kinds)}), the first: {errors[0][:100]}")
    result.status = "; ".join(parts + notes)
    return result


def _write_results(item: Item, result: GradingResults) -> None:
    if not item.results_dir.is_dir():
        return
    tests = {name: {"score": t.score, "possible": t.possible,
                    "cases": [{"name": r.test_case.name, "points": r.test_case.points, "hidden": r.test_case.hidden,
                               "passed": r.passed, "message": r.message} for r in t.test_case_results]}
             for name, t in result.results.items()}
    data = {"file": item.name, "score": result.total, "possible": result.possible, "status": result.status,
            "flags": result.flags, "seconds": round(result.seconds, 1), "tests": tests}
    (item.results_dir / "results.json").write_text(json.dumps(data, indent=2, default=str))


def _settings(timeout, memory_limit, scan, use_sandbox) -> Settings:
    if use_sandbox and (why := sandbox.unavailable()):
        raise RnnhwError(f"rnnhw grade runs each submission in a bubblewrap sandbox, and {why}.\n{NO_SANDBOX_HELP}")
    return Settings(timeout, memory_limit, scan, use_sandbox)


def grade_batch(items: list[Item], jobs: int = 1, timeout: float = DEFAULT_TIMEOUT,
                memory_limit: int = DEFAULT_MEMORY_LIMIT, scan: bool = True, use_sandbox: bool = True,
                settings: Settings | None = None) -> list[GradingResults]:
    """Grade the items `jobs` at a time, printing a progress line as each one ends."""
    settings = settings or _settings(timeout, memory_limit, scan, use_sandbox)
    finished = itertools.count(1)  # next() on it is atomic: `n += 1` in two threads can repeat a number

    def run(item: Item) -> GradingResults:
        start = time.monotonic()
        result = grade_one(item, settings)
        result.file, result.seconds = item.name, time.monotonic() - start
        try:
            _write_results(item, result)
        except OSError as e:
            result.status += f"; results.json not written ({e})"
        print(f"[{next(finished)}/{len(items)}] {item.hw}/{item.name}: {result.total:g}/{result.possible:g} "
              f"in {result.seconds:.1f} s {result.status}", flush=True)
        return result

    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        return list(pool.map(run, items))


def _write_csv(table: pd.DataFrame, path: Path) -> None:
    """Write the table next to `path` and move it there: a link or anything else found at `path` is
    replaced, never written through."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    table.to_csv(temporary, index=False)
    os.replace(temporary, path)


def grade(paths: list[str], output_dir: str, assignment: str | None = None, jobs: int = 1,
          timeout: float = DEFAULT_TIMEOUT, root: Path = ROOT, memory_limit: int = DEFAULT_MEMORY_LIMIT,
          scan: bool = True, use_sandbox: bool = True) -> dict[str, pd.DataFrame]:
    """Grade every submission under `paths` with the zips built under `root`.

    Writes final_grades.csv (one per assignment, in its own folder when the batch mixes several)
    next to the class report and the feedback files (rnnhw/report.py), and returns the tables by
    assignment.
    """
    settings = _settings(timeout, memory_limit, scan, use_sandbox)
    submissions = find_submissions(paths)
    if not submissions:
        raise RnnhwError(f"no submissions (.ipynb or .zip) found in {' '.join(paths)}")
    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        prepared = dict(zip(submissions, pool.map(lambda s: prepare_submission(s, settings), submissions)))
    try:
        groups: dict[str, list[Path]] = {}
        for submission in submissions:
            hw = assignment or assignment_of(prepared[submission], submission) or "unknown"
            groups.setdefault(hw, []).append(submission)
        if "unknown" in groups and len(groups) == 2:
            # a file too broken to name its assignment goes with the only other assignment in the batch
            [known] = [hw for hw in groups if hw != "unknown"]
            groups[known] += groups.pop("unknown")
        for hw in groups:
            if hw != "unknown" and not autograder_zip(hw, root).exists():
                raise RnnhwError(f"{autograder_zip(hw, root)} is missing: run `python -m rnnhw build {hw}` first")
            if hw != "unknown":
                load_assignment(autograder_zip(hw, root))  # a zip rnnhw did not build stops the batch before it starts

        out = Path(output_dir)
        names = {s: _unique_name(s, subs) for subs in groups.values() for s in subs}
        items = [Item(hw, s, names[s], autograder_zip(hw, root) if hw != "unknown" else None,
                      (out if len(groups) == 1 else out / hw) / "results" / names[s], prepared[s])
                 for hw, subs in groups.items() for s in subs]
        graded = list(zip((item.hw for item in items), grade_batch(items, jobs, settings=settings)))
    finally:
        for p in prepared.values():
            if p.work.exists():
                _remove(p.work)

    tables = {}
    for hw in groups:
        results = [r for h, r in graded if h == hw]
        table = merge_scores_to_df(results)
        for result in results:
            table.loc[table["file"] == result.file, "grading_status"] = result.status
        group_dir = out if len(groups) == 1 else out / hw
        group_dir.mkdir(parents=True, exist_ok=True)
        _write_csv(table, group_dir / "final_grades.csv")
        tables[hw] = table
        print(f"\n{hw}: {group_dir / 'final_grades.csv'}\n{table.to_string(index=False)}", flush=True)
        try:
            page = write_report(group_dir, hw if hw != "unknown" else None, files={r.file for r in results})
            print(f"{hw}: class report {page}, feedback for each student in {page.parent / FEEDBACK_DIR}", flush=True)
        except Exception as e:  # noqa: BLE001 - the grades are written; a report that fails must not hide them
            print(f"{hw}: the class report could not be written ({type(e).__name__}: {e}); "
                  f"`python -m rnnhw report {group_dir}` tries again", flush=True)
    return tables


def _unique_name(submission: Path, everything: list[Path]) -> str:
    """The file name, prefixed by its folder when two submissions share a name."""
    clash = sum(s.name == submission.name for s in everything) > 1
    return f"{submission.parent.name}__{submission.name}" if clash else submission.name
