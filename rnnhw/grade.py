"""Grades submissions through the built autograder zip with Otter's non-container runner."""

import json
import os
import signal
import subprocess
import sys
import tempfile
import time
import zipfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import dill
import pandas as pd
from otter.grade.utils import merge_scores_to_df
from otter.test_files import GradingResults

from . import ROOT, assignment_names, autograder_zip

# The reference notebooks grade in under a minute on 2 cores (see README, Performance);
# five times that leaves room for a slower machine without letting a hung kernel block a batch.
DEFAULT_TIMEOUT = 300


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


def grade_one(submission: Path, zip_path: Path, timeout: float, results_dir: Path) -> GradingResults:
    """Grade one submission in a child process; a crash or a timeout gives a failed result."""
    results_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="rnnhw-grade-") as tmp:
        pickle_path = Path(tmp) / "results.pkl"
        log_path = results_dir / "grading.log"
        with open(log_path, "w") as log:
            child = subprocess.Popen(
                [sys.executable, "-m", "rnnhw.run_one", str(zip_path.resolve()), str(submission.resolve()),
                 str(results_dir.resolve()), str(pickle_path)],
                stdout=log, stderr=subprocess.STDOUT, cwd=tmp, start_new_session=True,
                env={**os.environ, "PYTHONPATH": str(ROOT)},
            )
            try:
                child.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                os.killpg(child.pid, signal.SIGKILL)
                child.wait()
                return _failure(f"timed out after {timeout:.0f} s")
            finally:
                # the kernel otter started may outlive a crashed runner
                try:
                    os.killpg(child.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
        if not pickle_path.exists():
            tail = [line for line in log_path.read_text(errors="replace").splitlines() if line.strip()]
            reason = tail[-1] if tail else f"grader exited with code {child.returncode}"
            return _failure(f"could not be graded: {reason}")
        with open(pickle_path, "rb") as f:
            return dill.load(f)


@dataclass
class Item:
    """One submission to grade: its assignment, file, name in the table, zip and results folder."""
    hw: str
    submission: Path
    name: str
    zip_path: Path | None
    results_dir: Path


def grade_batch(items: list[Item], jobs: int = 1, timeout: float = DEFAULT_TIMEOUT) -> list[GradingResults]:
    """Grade the items `jobs` at a time, printing a progress line as each one ends."""
    finished = 0

    def run(item: Item) -> GradingResults:
        nonlocal finished
        start = time.monotonic()
        if item.zip_path is None:
            result = _failure("not a notebook of any assignment (no otter metadata, no assignment folder)")
        else:
            result = grade_one(item.submission, item.zip_path, timeout, item.results_dir)
        result.file = item.name
        finished += 1
        status = "ok" if not result.has_catastrophic_failure() else f"FAILED: {result.catastrophic_error}"
        print(f"[{finished}/{len(items)}] {item.hw}/{item.name}: {result.total:g}/{result.possible:g} "
              f"in {time.monotonic() - start:.1f} s {status}", flush=True)
        return result

    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        return list(pool.map(run, items))


def grade(paths: list[str], output_dir: str, assignment: str | None = None, jobs: int = 1,
          timeout: float = DEFAULT_TIMEOUT, root: Path = ROOT) -> dict[str, pd.DataFrame]:
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
    graded = list(zip((item.hw for item in items), grade_batch(items, jobs, timeout)))

    tables = {}
    for hw in groups:
        table = merge_scores_to_df([r for h, r in graded if h == hw])
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
