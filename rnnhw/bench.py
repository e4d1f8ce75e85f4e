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

from . import ROOT, autograder_zip, master_path
from .build import build
from .calibrate import threshold_tests
from .grade import Item, grade_batch
from .masters import support_files
from .submissions import without_otter_cells

BENCH_DIR = ROOT / "bench"


def _tree_rss(process: psutil.Process) -> int:
    total = 0
    for p in [process, *process.children(recursive=True)]:
        try:
            total += p.memory_info().rss
        except psutil.NoSuchProcess:
            pass
    return total


def grade_once(zip_path: Path, submission: Path, pin_to_one_core: bool = False) -> tuple[float, int]:
    """Grade one submission as `rnnhw grade` does; return (seconds, peak RSS of grader + kernel)."""
    with tempfile.TemporaryDirectory() as tmp:
        command = [sys.executable, "-m", "rnnhw.run_one", str(zip_path), str(submission), tmp, f"{tmp}/r.pkl"]
        if pin_to_one_core:
            command = ["taskset", "-c", "0", *command]
        start, peak = time.monotonic(), 0
        child = psutil.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=tmp,
                             env={**os.environ, "PYTHONPATH": str(ROOT)})
        while child.poll() is None:
            peak = max(peak, _tree_rss(child))
            time.sleep(0.05)
        seconds = time.monotonic() - start
        if child.returncode != 0 or not Path(f"{tmp}/r.pkl").exists():
            raise RuntimeError(f"grading {submission} failed (exit {child.returncode})")
        return seconds, peak


def plain_run(notebook: Path, files: list[Path]) -> tuple[float, dict]:
    """Execute the reference with nbclient, no otter; return (seconds, training facts)."""
    nb = without_otter_cells(nbformat.read(notebook, as_version=4))
    probe = nbformat.v4.new_code_cell(
        "import json, keras\n"
        "print(json.dumps({name: value.history for name, value in globals().items()\n"
        "                  if isinstance(value, keras.callbacks.History)}))")
    nb.cells.append(probe)
    with tempfile.TemporaryDirectory() as tmp:
        for path in files:  # the data files the notebook reads, as otter puts them beside it
            shutil.copy(path, Path(tmp) / path.name)
        start = time.monotonic()
        NotebookClient(nb, timeout=900, kernel_name="python3", record_timing=True,
                       resources={"metadata": {"path": tmp}}).execute()
        seconds = time.monotonic() - start
    histories = json.loads("".join(o.get("text", "") for o in nb.cells[-1].outputs).strip().splitlines()[-1])
    fit_seconds = sum(_cell_seconds(c) for c in nb.cells if c.cell_type == "code" and ".fit(" in c.source)
    return seconds, {"histories": histories, "fit_seconds": fit_seconds}


def _cell_seconds(cell) -> float:
    from datetime import datetime
    timing = cell.metadata.get("execution", {})
    start, end = timing.get("iopub.execute_input"), timing.get("shell.execute_reply")
    if not (start and end):
        return 0.0
    parse = lambda s: datetime.fromisoformat(s.replace("Z", "+00:00"))
    return (parse(end) - parse(start)).total_seconds()


def training_summary(hw: str, facts: dict) -> list[dict]:
    """Per trained model: epochs, seconds per epoch, first epoch whose validation metric meets the
    threshold of the notebook (validation data is the test set in these notebooks)."""
    thresholds = threshold_tests(hw)
    epochs_total = sum(len(h["loss"]) for h in facts["histories"].values()) or 1
    rows = []
    for name, history in facts["histories"].items():
        row = {"history": name, "epochs": len(history["loss"]),
               "seconds_per_epoch": facts["fit_seconds"] / epochs_total, "epochs_to_threshold": None}
        for test in thresholds.values():
            key = "val_mae" if test["direction"] == "<=" else next(
                (k for k in history if k.startswith("val_") and "accuracy" in k), None)
            if key in history:
                meets = [v <= test["threshold"] if test["direction"] == "<=" else v >= test["threshold"]
                         for v in history[key]]
                row["epochs_to_threshold"] = meets.index(True) + 1 if True in meets else None
                row["threshold_metric"] = f"{key} {test['direction']} {test['threshold']:g}"
                break
        rows.append(row)
    return rows


def _summary(values: list[float]) -> dict:
    return {"median": statistics.median(values), "min": min(values), "max": max(values), "runs": values}


def bench(hws: list[str], quick: bool = False) -> dict:
    runs = 1 if quick else 3
    results = {"machine": {"cpus": psutil.cpu_count(), "memory_gb": round(psutil.virtual_memory().total / 2**30),
                           "processor": platform.processor() or platform.machine(), "python": platform.python_version()},
               "runs": runs, "assignments": {}}
    with tempfile.TemporaryDirectory(prefix="rnnhw-bench-") as tmp:
        root = Path(tmp)
        for hw in hws:
            build(hw, root)
            zip_path, reference = autograder_zip(hw, root), root / "autograder" / hw / f"{hw}.ipynb"
            print(f"[bench] {hw}: warm-up", flush=True)
            grade_once(zip_path, reference)
            graded = [grade_once(zip_path, reference) for _ in range(runs)]
            print(f"[bench] {hw}: graded in {[round(s, 1) for s, _ in graded]} s", flush=True)
            plain = [plain_run(reference, support_files(master_path(hw))) for _ in range(runs)]
            print(f"[bench] {hw}: plain nbclient in {[round(s, 1) for s, _ in plain]} s", flush=True)
            pinned = [grade_once(zip_path, reference, pin_to_one_core=True)[0] for _ in range(runs)]
            print(f"[bench] {hw}: one core in {[round(s, 1) for s in pinned]} s", flush=True)
            entry = {
                "grading_seconds": _summary([s for s, _ in graded]),
                "peak_memory_mb": _summary([m / 2**20 for _, m in graded]),
                "plain_seconds": _summary([s for s, _ in plain]),
                "one_core_seconds": _summary(pinned),
                "training": training_summary(hw, plain[-1][1]),
            }
            entry["overhead_ratio"] = entry["grading_seconds"]["median"] / entry["plain_seconds"]["median"]
            if not quick:
                entry["throughput_per_minute"] = {}
                for jobs in (1, 2):
                    folder = root / "class" / hw / f"jobs{jobs}"
                    folder.mkdir(parents=True)
                    items = []
                    for i in range(8):
                        shutil.copy(reference, folder / f"student{i}.ipynb")
                        items.append(Item(hw, folder / f"student{i}.ipynb", f"student{i}.ipynb", zip_path,
                                          folder / "results" / str(i)))
                    start = time.monotonic()
                    grade_batch(items, jobs)
                    entry["throughput_per_minute"][f"jobs{jobs}"] = 8 / ((time.monotonic() - start) / 60)
                speedup = entry["throughput_per_minute"]["jobs2"] / entry["throughput_per_minute"]["jobs1"]
                entry["throughput_per_minute"]["speedup"] = speedup
            results["assignments"][hw] = entry
    BENCH_DIR.mkdir(exist_ok=True)
    (BENCH_DIR / "results.json").write_text(json.dumps(results, indent=2) + "\n")
    (BENCH_DIR / "results.md").write_text(to_markdown(results))
    print(to_markdown(results))
    return results


def to_markdown(results: dict) -> str:
    m = results["machine"]
    lines = [f"Measured by `python -m rnnhw bench` on {m['cpus']} cores ({m['processor']}), {m['memory_gb']} GB, "
             f"Python {m['python']}; median of {results['runs']} run(s) after a warm-up, [min-max].", "",
             "| assignment | grading (s) | plain nbclient (s) | overhead | one core (s) | peak memory (MB) "
             "| class of 8, jobs 1 / 2 (subm./min) |", "|---|---|---|---|---|---|---|"]
    span = lambda s, f="{:.1f}": f"{f.format(s['median'])} [{f.format(s['min'])}-{f.format(s['max'])}]"
    for hw, e in results["assignments"].items():
        t = e.get("throughput_per_minute")
        throughput = f"{t['jobs1']:.1f} / {t['jobs2']:.1f} (x{t['speedup']:.2f})" if t else "-"
        lines.append(f"| {hw} | {span(e['grading_seconds'])} | {span(e['plain_seconds'])} | "
                     f"{e['overhead_ratio']:.2f} | {span(e['one_core_seconds'])} | "
                     f"{span(e['peak_memory_mb'], '{:.0f}')} | {throughput} |")
    lines += ["", "| assignment | model history | epochs | s / epoch | first epoch meeting the threshold |",
              "|---|---|---|---|---|"]
    for hw, e in results["assignments"].items():
        for r in e["training"]:
            reach = f"{r['epochs_to_threshold']} ({r['threshold_metric']})" if r.get("threshold_metric") else "-"
            lines.append(f"| {hw} | {r['history']} | {r['epochs']} | {r['seconds_per_epoch']:.2f} | {reach} |")
    return "\n".join(lines) + "\n"
