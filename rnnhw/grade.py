"""Grades submissions through the built autograder zip with Otter's non-container runner."""

import json
import os
import signal
import subprocess
import sys
import tempfile
import time
import uuid
import zipfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import dill
import nbformat
import pandas as pd
import psutil
from otter.grade.utils import merge_scores_to_df
from otter.test_files import GradingResults

from . import ROOT, assignment_names, autograder_zip
from .scan import scan_notebook

# The slowest grading measured is hw1_sentiment's reference, 119 s, on 2 cores kept at a load
# average of about 9 by other training jobs (bench/results.md; a quiet machine takes 24-48 s; the
# hw4 reference took 74-84 s here under a load of 7). 2.5 times the slowest leaves room for a slower
# machine without letting a hung kernel block a batch.
DEFAULT_TIMEOUT = 300
# A cell running longer than this share of the timeout is interrupted and the notebook goes on (an
# endless loop costs its own question only): the longest cell, a training, took about 35 s on that
# loaded machine (hw2: 12 epochs x 2.87 s), and the rest of the notebook fits in the other half.
CELL_TIMEOUT_SHARE = 0.5
# Cap on the writable memory of the grading process and of its kernel (RLIMIT_DATA, inherited):
# the references peak at 0.86-0.90 GB (README, Performance) and grade the same under a 2 GiB cap
# (checked: hw1, hw2, hw4); 4 GiB per submission keeps two parallel gradings far below the 24 GB of
# the machine when a notebook tries to allocate 30 GB.
DEFAULT_MEMORY_LIMIT = 4 * 2**30
# The largest notebook read from a zip: a notebook with 200 MB of outputs still passes.
MAX_NOTEBOOK_BYTES = 1 * 2**30


def find_submissions(paths: list[str]) -> list[Path]:
    found = []
    for path in map(Path, paths):
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.is_file() and p.suffix in {".ipynb", ".zip"})
        elif path.is_file():
            found.append(path)
        else:
            raise SystemExit(f"no such file or folder: {path}")
    return found


def _notebook_assignment(text: str) -> str | None:
    try:
        return json.loads(text)["metadata"]["otter"]["assignment_name"]
    except (ValueError, KeyError, TypeError):
        return None


def detect_assignment(submission: Path) -> str | None:
    """The assignment a submission belongs to: from otter's notebook metadata, else its folder name."""
    name = None
    try:
        if submission.suffix == ".zip":
            with zipfile.ZipFile(submission) as z:
                notebooks = [n for n in z.namelist() if n.endswith(".ipynb") and "/" not in n]
                if len(notebooks) == 1:
                    name = _notebook_assignment(z.read(notebooks[0]).decode("utf-8", "replace"))
        else:
            name = _notebook_assignment(submission.read_text("utf-8", "replace"))
    except (OSError, zipfile.BadZipFile):
        pass
    if name in assignment_names():
        return name
    return submission.parent.name if submission.parent.name in assignment_names() else None


def _failure(reason: str) -> GradingResults:
    return GradingResults.without_results(RuntimeError(reason))


class Unfit(Exception):
    """The submission cannot be graded at all; the message says why."""


def _read_submission(submission: Path) -> tuple[bytes, list[str]]:
    """The notebook's bytes and notes on what was left out: a zip gives its one notebook; its other
    files, .OTTER_LOG included, never reach otter (otter unpickles a .OTTER_LOG it finds, which
    runs any code the file holds, and the assignments need no extra files)."""
    if submission.suffix != ".zip":
        return submission.read_bytes(), []
    try:
        with zipfile.ZipFile(submission) as z:
            members = [i for i in z.infolist() if not i.is_dir()]
            notebooks = [i for i in members if i.filename.endswith(".ipynb")
                         and ".ipynb_checkpoints" not in i.filename and not i.filename.startswith("__MACOSX")]
            if len(notebooks) != 1:
                raise Unfit(f"the zip holds {len(notebooks)} notebooks, not one: "
                            f"{', '.join(i.filename for i in members[:5]) or 'nothing'}")
            if notebooks[0].file_size > MAX_NOTEBOOK_BYTES:
                raise Unfit(f"the notebook in the zip is {notebooks[0].file_size / 2**20:.0f} MB")
            data = z.read(notebooks[0])
    except zipfile.BadZipFile as e:
        raise Unfit(f"not a zip file ({e})")
    notes, extra = [], [i.filename for i in members if i is not notebooks[0]]
    if any(Path(name).name == ".OTTER_LOG" for name in extra):
        notes.append("the zip's .OTTER_LOG was not read")
    others = [name for name in extra if Path(name).name != ".OTTER_LOG"]
    if others:
        notes.append(f"ignored {len(others)} other file(s) in the zip: {', '.join(others[:3])}")
    return data, notes


def prepare(submission: Path, folder: Path, assignment: str | None = None) -> tuple[Path, list[str], list[str]]:
    """Write the notebook to grade into `folder`; return it, notes for grading_status and what the
    scan flags. Raise Unfit with a readable reason when there is nothing to grade."""
    data, notes = _read_submission(submission)
    if not data.strip():
        raise Unfit("empty file, not a notebook (no JSON in it)")
    try:
        content = json.loads(data)
    except ValueError as e:
        raise Unfit(f"not a notebook: not JSON ({e})")
    version = content.get("nbformat") if isinstance(content, dict) else None
    if not isinstance(version, int) or not isinstance(content.get("metadata", {}), dict):
        raise Unfit("JSON but not a notebook (no nbformat version)")
    try:
        nb = nbformat.reads(data.decode("utf-8", "replace"), as_version=4)
        cells = list(nb.cells)
    except Exception as e:  # noqa: BLE001 - nbformat raises many kinds on odd JSON
        raise Unfit(f"JSON but not a notebook ({type(e).__name__}: {str(e)[:120]})")
    name = nb.metadata.get("otter", {}).get("assignment_name")
    if assignment and name and name != assignment:
        raise Unfit(f"the notebook of {name}, not of {assignment}")
    if version < 4:
        notes.append(f"converted from nbformat {version}")
    for cell in cells:
        if cell.get("cell_type") == "code":
            # otter executes the notebook anew; old outputs (maybe hundreds of MB) only cost memory
            cell.outputs, cell.execution_count = [], None
    # the name the notebook's own `otter.Notebook("<hw>.ipynb")` expects, not the student's file name
    path = folder / f"{assignment or 'submission'}.ipynb"
    try:
        nbformat.write(nb, path)
    except Exception as e:  # noqa: BLE001 - a notebook too odd to write back
        raise Unfit(f"JSON but not a notebook ({type(e).__name__}: {str(e)[:120]})")
    return path, notes, scan_notebook(nb)


def _kill_kernels(token: str) -> None:
    """End every process started for one grading, the kernel included: jupyter starts the kernel in
    a session of its own, so killing the runner's process group leaves an endless loop running."""
    for process in psutil.process_iter():
        try:
            if process.environ().get("RNNHW_GRADING") == token:
                process.kill()
        except (psutil.Error, OSError):
            pass


def _errors(result: GradingResults) -> list[str]:
    """'ename: evalue' of each cell that raised while the notebook ran, in order."""
    errors = []
    for cell in getattr(result.notebook, "cells", None) or []:
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                errors.append(f"{output.get('ename')}: {output.get('evalue', '')}"[:100].strip())
    return errors


def grade_one(submission: Path, zip_path: Path, timeout: float, results_dir: Path,
              memory_limit: int = DEFAULT_MEMORY_LIMIT, scan: bool = True) -> GradingResults:
    """Grade one submission in a child process; a crash or a timeout gives a failed result.

    A submission that the scan flags is not run (scan=False runs it, to regrade after a review).
    The result carries `status` (the grading_status text) and `flags` (what looks like tampering)."""
    results_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="rnnhw-grade-") as tmp:
        try:
            with zipfile.ZipFile(zip_path) as z:
                assignment = json.loads(z.read("otter_config.json")).get("assignment_name")
            notebook, notes, flags = prepare(submission, Path(tmp), assignment)
        except (Unfit, OSError) as e:
            return _with_status(_failure(str(e)), [], [])
        if flags and scan:
            # code written to game the grader is not run at all: it could do worse than that
            return _with_status(_failure("not run"), notes, flags)
        if flags:  # the instructor reviewed it and regrades with the scan off
            notes, flags = notes + [f"scan off, it flags: {'; '.join(flags)}"], []
        pickle_path = Path(tmp) / "results.pkl"
        log_path = results_dir / "grading.log"
        token = uuid.uuid4().hex
        cell_timeout = max(1, int(timeout * CELL_TIMEOUT_SHARE))
        with open(log_path, "w") as log:
            child = subprocess.Popen(
                [sys.executable, "-m", "rnnhw.run_one", str(zip_path.resolve()), str(notebook),
                 str(results_dir.resolve()), str(pickle_path), "--memory-limit", str(memory_limit),
                 "--cell-timeout", str(cell_timeout)],
                stdout=log, stderr=subprocess.STDOUT, cwd=tmp, start_new_session=True,
                env={**os.environ, "PYTHONPATH": str(ROOT), "RNNHW_GRADING": token},
            )
            try:
                child.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                return _with_status(_failure(f"timed out after {timeout:.0f} s"), notes, flags)
            finally:
                for kill in (lambda: os.killpg(child.pid, signal.SIGKILL), lambda: _kill_kernels(token)):
                    try:
                        kill()
                    except ProcessLookupError:
                        pass
                child.wait()
        report_path = Path(str(pickle_path) + ".json")
        report = json.loads(report_path.read_text()) if report_path.exists() else {}
        if report.get("tests_changed"):
            flags.append(f"rewrote the hidden tests while it ran ({', '.join(report['tests_changed'])})")
        if not pickle_path.exists():
            text = log_path.read_text(errors="replace")
            tail = [line for line in text.splitlines() if line.strip()]
            if "DeadKernelError" in text or "Kernel died" in text:
                reason = "the kernel died while the notebook ran (it exited, crashed or ran out of memory)"
            else:
                reason = tail[-1] if tail else f"grader exited with code {child.returncode}"
            return _with_status(_failure(f"could not be graded: {reason}"), notes, flags)
        with open(pickle_path, "rb") as f:
            return _with_status(dill.load(f), notes, flags, cell_timeout)


def _with_status(result: GradingResults, notes: list[str], flags: list[str],
                 cell_timeout: int | None = None) -> GradingResults:
    """Attach the grading_status text; a flagged submission gets 0 until an instructor reviews it."""
    if flags:
        why = result.catastrophic_error if result.has_catastrophic_failure() else (
            f"score withheld, otter gave {result.total:g}/{result.possible:g}")
        result = _failure(f"FLAGGED for review ({why}): {'; '.join(flags)}")
    result.flags = flags
    parts = ["Completed" if not result.has_catastrophic_failure() else str(result.catastrophic_error)]
    errors = _errors(result) if not result.has_catastrophic_failure() else []
    if any(e.startswith("KeyboardInterrupt") for e in errors):
        parts.append(f"a cell ran past {cell_timeout} s and was interrupted")
    if errors:
        kinds = list(dict.fromkeys(e.split(":")[0] for e in errors))
        parts.append(f"{len(errors)} cell(s) raised errors ({', '.join(kinds)}), the first: {errors[0]}")
    result.status = "; ".join(parts + notes)
    return result


@dataclass
class Item:
    """One submission to grade: its assignment, file, name in the table, zip and results folder."""
    hw: str
    submission: Path
    name: str
    zip_path: Path | None
    results_dir: Path


def grade_batch(items: list[Item], jobs: int = 1, timeout: float = DEFAULT_TIMEOUT,
                memory_limit: int = DEFAULT_MEMORY_LIMIT, scan: bool = True) -> list[GradingResults]:
    """Grade the items `jobs` at a time, printing a progress line as each one ends."""
    finished = 0

    def run(item: Item) -> GradingResults:
        nonlocal finished
        start = time.monotonic()
        if item.zip_path is None:
            result = _with_status(_failure("not a notebook of any assignment (no otter metadata, "
                                           "no assignment folder)"), [], [])
        else:
            result = grade_one(item.submission, item.zip_path, timeout, item.results_dir, memory_limit, scan)
        result.file = item.name
        finished += 1
        print(f"[{finished}/{len(items)}] {item.hw}/{item.name}: {result.total:g}/{result.possible:g} "
              f"in {time.monotonic() - start:.1f} s {result.status}", flush=True)
        return result

    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        return list(pool.map(run, items))


def grade(paths: list[str], output_dir: str, assignment: str | None = None, jobs: int = 1,
          timeout: float = DEFAULT_TIMEOUT, root: Path = ROOT,
          memory_limit: int = DEFAULT_MEMORY_LIMIT, scan: bool = True) -> dict[str, pd.DataFrame]:
    """Grade every submission under `paths` with the zips built under `root`.

    Writes final_grades.csv (one per assignment, in its own folder when the batch mixes several)
    and returns the tables by assignment.
    """
    submissions = find_submissions(paths)
    if not submissions:
        raise SystemExit(f"no submissions (.ipynb or .zip) found in {' '.join(paths)}")
    groups: dict[str, list[Path]] = {}
    for submission in submissions:
        hw = assignment or detect_assignment(submission) or "unknown"
        groups.setdefault(hw, []).append(submission)
    if "unknown" in groups and len(groups) == 2:
        # a file too broken to name its assignment goes with the only other assignment in the batch
        [known] = [hw for hw in groups if hw != "unknown"]
        groups[known] += groups.pop("unknown")
    for hw in groups:
        if hw != "unknown" and not autograder_zip(hw, root).exists():
            raise SystemExit(f"{autograder_zip(hw, root)} is missing: run `python -m rnnhw build {hw}` first")

    out = Path(output_dir)
    names = {s: _unique_name(s, subs) for subs in groups.values() for s in subs}
    items = [Item(hw, s, names[s], autograder_zip(hw, root) if hw != "unknown" else None,
                  (out if len(groups) == 1 else out / hw) / "results" / names[s])
             for hw, subs in groups.items() for s in subs]
    graded = list(zip((item.hw for item in items), grade_batch(items, jobs, timeout, memory_limit, scan)))

    tables = {}
    for hw in groups:
        results = [r for h, r in graded if h == hw]
        table = merge_scores_to_df(results)
        for result in results:
            table.loc[table["file"] == result.file, "grading_status"] = result.status
        group_dir = out if len(groups) == 1 else out / hw
        group_dir.mkdir(parents=True, exist_ok=True)
        table.to_csv(group_dir / "final_grades.csv", index=False)
        tables[hw] = table
        print(f"\n{hw}: {group_dir / 'final_grades.csv'}\n{table.to_string(index=False)}", flush=True)
    return tables


def _unique_name(submission: Path, everything: list[Path]) -> str:
    """The file name, prefixed by its folder when two submissions share a name."""
    clash = sum(s.name == submission.name for s in everything) > 1
    return f"{submission.parent.name}__{submission.name}" if clash else submission.name
