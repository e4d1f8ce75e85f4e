"""Measures grading: wall time, peak memory, grader overhead, one core, throughput, training.

usage: python -m rnnhw bench [HW...] [--quick]
Writes bench/results.json and bench/results.md (the table the README shows).
"""

import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat
import psutil
from nbclient import NotebookClient

from . import ROOT, autograder_zip, master_path, reference_notebook
from .build import build
from .calibrate import threshold_tests
from .grade import Item, grade_batch
from .masters import support_files
from .submissions import apply_change, read_change, without_otter_cells

BENCH_DIR = ROOT / "bench"
SUBMISSIONS_DIR = ROOT / "tests" / "submissions"
CLASS_SIZE = 8


def _tree_rss(process: psutil.Process) -> int:
    total = 0
    for p in [process, *process.children(recursive=True)]:
        try:
            total += p.memory_info().rss
        except psutil.NoSuchProcess:
            pass
    return total


# One submission through rnnhw grade's stages (sandboxes included); exit 0 at full marks.
GRADE_ONE = ("import sys; from pathlib import Path; from rnnhw.grade import Item, grade_batch; "
             "z, s, out = map(Path, sys.argv[1:]); [r] = grade_batch([Item(z.parent.name, s, s.name, z, out)]); "
             "sys.exit(r.total != r.possible)")


def grade_once(zip_path: Path, submission: Path, pin_to_one_core: bool = False) -> tuple[float, int]:
    """Grade one submission as `rnnhw grade` does; return (seconds, peak RSS of grader + kernel)."""
    with tempfile.TemporaryDirectory() as tmp:
        command = [sys.executable, "-c", GRADE_ONE, str(zip_path), str(submission), tmp]
        if pin_to_one_core:
            command = ["taskset", "-c", "0", *command]
        start, peak = time.monotonic(), 0
        child = psutil.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=tmp)
        while child.poll() is None:
            peak = max(peak, _tree_rss(child))
            time.sleep(0.05)
        seconds = time.monotonic() - start
        if child.returncode != 0:
            raise RuntimeError(f"grading {submission} failed or lost points (exit {child.returncode})")
        return seconds, peak


def _execute(nb, files: list[Path]) -> float:
    """Execute `nb` with nbclient in a folder holding `files` (as otter puts the data beside the
    notebook); return the seconds it took, kernel start included."""
    with tempfile.TemporaryDirectory() as tmp:
        for path in files:
            shutil.copy(path, Path(tmp) / path.name)
        start = time.monotonic()
        NotebookClient(nb, timeout=900, kernel_name="python3", resources={"metadata": {"path": tmp}}).execute()
        return time.monotonic() - start


def plain_run(notebook: Path, files: list[Path]) -> float:
    """Seconds to execute the reference with nbclient, without otter's cells."""
    return _execute(without_otter_cells(nbformat.read(notebook, as_version=4)), files)


def trace_training(hw: str, notebook: Path, files: list[Path]) -> list[dict]:
    """One more plain run, with rnnhw.training_probe installed: per fit, seconds per epoch and the
    first epoch whose weights meet each graded threshold (kept apart from the timed runs, which the
    probe's per-epoch weight copies would slow)."""
    nb = without_otter_cells(nbformat.read(notebook, as_version=4))
    metrics = threshold_tests(hw)
    nb.cells.insert(0, nbformat.v4.new_code_cell(
        "from rnnhw import training_probe\ntraining_probe.install()"))
    nb.cells.append(nbformat.v4.new_code_cell(
        f"import json\nprint(json.dumps(training_probe.report(globals(), {metrics!r})))"))
    _execute(nb, files)
    text = "".join(o.get("text", "") for o in nb.cells[-1].outputs if o.get("name") == "stdout")
    return json.loads(text.strip().splitlines()[-1])


def write_class(hw: str, zip_path: Path, reference: Path, folder: Path) -> list[Item]:
    """A class of CLASS_SIZE correct submissions: the reference and the reference with each right answer
    of tests/submissions/<hw>/right/ (in turn, as many as needed), so the class differs as students do."""
    changes = [read_change(p) for p in sorted((SUBMISSIONS_DIR / hw / "right").glob("*.py"))]
    folder.mkdir(parents=True)
    items = []
    for i in range(CLASS_SIZE):
        nb = nbformat.read(reference, as_version=4)
        change = changes[(i - 1) % len(changes)] if i and changes else None
        if change:
            apply_change(nb, change)
        path = folder / f"{i}_{change.name if change else 'reference'}.ipynb"
        nbformat.write(nb, path)
        items.append(Item(hw, path, path.name, zip_path, folder / "results" / str(i)))
    return items


def _summary(values: list[float]) -> dict:
    return {"median": statistics.median(values), "min": min(values), "max": max(values), "runs": values}


def bench(hws: list[str], quick: bool = False) -> dict:
    runs = 1 if quick else 3
    results = {"machine": {"cpus": psutil.cpu_count(), "memory_gb": round(psutil.virtual_memory().total / 2**30),
                           "processor": platform.processor() or platform.machine(), "python": platform.python_version(),
                           "load_average_at_start": round(os.getloadavg()[0], 2)},
               "runs": runs, "assignments": {}}
    with tempfile.TemporaryDirectory(prefix="rnnhw-bench-") as tmp:
        root = Path(tmp)
        for hw in hws:
            build(hw, root)
            zip_path, reference = autograder_zip(hw, root), reference_notebook(hw, root)
            print(f"[bench] {hw}: warm-up", flush=True)
            grade_once(zip_path, reference)
            graded = [grade_once(zip_path, reference) for _ in range(runs)]
            print(f"[bench] {hw}: graded in {[round(s, 1) for s, _ in graded]} s", flush=True)
            files = support_files(master_path(hw))
            plain = [plain_run(reference, files) for _ in range(runs)]
            print(f"[bench] {hw}: plain nbclient in {[round(s, 1) for s in plain]} s", flush=True)
            pinned = [grade_once(zip_path, reference, pin_to_one_core=True)[0] for _ in range(runs)]
            print(f"[bench] {hw}: one core in {[round(s, 1) for s in pinned]} s", flush=True)
            entry = {
                "grading_seconds": _summary([s for s, _ in graded]),
                "peak_memory_mb": _summary([m / 2**20 for _, m in graded]),
                "plain_seconds": _summary(plain),
                "one_core_seconds": _summary(pinned),
                "training": trace_training(hw, reference, files),
            }
            entry["overhead_ratio"] = entry["grading_seconds"]["median"] / entry["plain_seconds"]["median"]
            if not quick:
                entry["throughput_per_minute"] = {}
                for jobs in (1, 2):
                    items = write_class(hw, zip_path, reference, root / "class" / hw / f"jobs{jobs}")
                    start = time.monotonic()
                    graded_class = grade_batch(items, jobs)
                    entry["throughput_per_minute"][f"jobs{jobs}"] = CLASS_SIZE / ((time.monotonic() - start) / 60)
                    short = [i.name for i, r in zip(items, graded_class) if r.total != r.possible]
                    if short:
                        raise RuntimeError(f"{hw}: correct submissions lost points in the class run: {short}")
                speedup = entry["throughput_per_minute"]["jobs2"] / entry["throughput_per_minute"]["jobs1"]
                entry["throughput_per_minute"]["speedup"] = speedup
                entry["class"] = [i.name for i in items]
            results["assignments"][hw] = entry
    results["machine"]["load_average_at_end"] = round(os.getloadavg()[0], 2)
    BENCH_DIR.mkdir(exist_ok=True)
    (BENCH_DIR / "results.json").write_text(json.dumps(results, indent=2) + "\n")
    (BENCH_DIR / "results.md").write_text(to_markdown(results))
    print(to_markdown(results))
    return results


def to_markdown(results: dict) -> str:
    m = results["machine"]
    lines = [f"Measured by `python -m rnnhw bench` on {m['cpus']} cores ({m['processor']}), {m['memory_gb']} GB, "
             f"Python {m['python']}, load average {m['load_average_at_start']} at the start and "
             f"{m['load_average_at_end']} at the end; median of {results['runs']} run(s) after a warm-up, "
             "[min-max]. The class (full runs only): the reference and the reference with each right answer of "
             "tests/submissions/<hw>/right/ in turn, 8 correct submissions, every one at full marks.", "",
             "| assignment | grading (s) | plain nbclient (s) | overhead | one core (s) | peak memory (MB) "
             "| class of 8, jobs 1 / 2 (subm./min) |", "|---|---|---|---|---|---|---|"]

    def span(s, f="{:.1f}"):
        return f"{f.format(s['median'])} [{f.format(s['min'])}-{f.format(s['max'])}]"

    for hw, e in results["assignments"].items():
        t = e.get("throughput_per_minute")
        throughput = f"{t['jobs1']:.1f} / {t['jobs2']:.1f} (x{t['speedup']:.2f})" if t else "-"
        lines.append(f"| {hw} | {span(e['grading_seconds'])} | {span(e['plain_seconds'])} | "
                     f"{e['overhead_ratio']:.2f} | {span(e['one_core_seconds'])} | "
                     f"{span(e['peak_memory_mb'], '{:.0f}')} | {throughput} |")
    lines += ["", "Training, from one more plain run (`rnnhw/training_probe.py`): each fit's epochs and seconds per "
              "epoch, and the first epoch whose weights meet a graded threshold (the hidden test's own metric).", "",
              "| assignment | fit | epochs | s / epoch "
              "| graded metric: first epoch meeting it (value then, after the last epoch) |",
              "|---|---|---|---|---|"]
    for hw, e in results["assignments"].items():
        for r in e["training"]:
            reached = "; ".join(
                f"{name} {m['direction']} {m['threshold']:g}: "
                + (f"epoch {m['first_epoch_meeting']} ({m['by_epoch'][m['first_epoch_meeting'] - 1]:.3g}"
                   if m["first_epoch_meeting"] else "never (")
                + f", {m['by_epoch'][-1]:.3g})"
                for name, m in r["metrics"].items()) or "-"
            lines.append(f"| {hw} | {r['fit']} | {r['epochs']} | {r['seconds_per_epoch']:.2f} | {reached} |")
    return "\n".join(lines) + "\n"
