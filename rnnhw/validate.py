"""Proves the grades: wrong answers lose points on their question, right answers keep full marks,
the blank notebook gets 0, check cells and seeds change nothing.

Every submission is graded through otter's grading steps with the test files of the built zip, in one
long-lived kernel per assignment and worker (rnnhw.validation.shared_kernel), reusing training whose
inputs are identical to an earlier one (rnnhw.validation.fit_cache). One submission of each kind is
graded again with `otter run`, the runner that grades students, and must get the same scores (per
assignment, or with --spread-otter-runs across the assignments, as `make test` does to fit CI's time).
"""

import json
import queue
import tempfile
import threading
import time
import zipfile
from dataclasses import asdict, dataclass, field
from pathlib import Path

import nbformat
from otter.grade.utils import merge_scores_to_df
from otter.test_files import GradingResults

from . import ROOT, RnnhwError, autograder_zip, reference_notebook, student_notebook, zip_config
from .build import build
from .grade import Item, grade_batch
from .submissions import apply_change, read_change
from .validation.shared_kernel import SharedKernel

SUBMISSIONS_DIR = ROOT / "tests" / "submissions"
KINDS = ["reference", "no-checks", "blank", "wrong", "right", "autograder-seed", "student-seed"]


@dataclass
class Row:
    submission: str
    kind: str  # one of KINDS
    description: str = ""
    loses: list[str] = field(default_factory=list)
    also_loses: dict[str, str] = field(default_factory=dict)  # later questions that use this answer, and why
    scores: dict[str, float] = field(default_factory=dict)
    status: str = ""
    verdict: str = ""
    ok: bool = False
    seconds: float = 0.0
    training_reused: bool = False
    otter_run: dict[str, float] | None = None  # scores from a full `otter run`, for one row per kind


@dataclass
class Task:
    """A row to grade: its notebook file and the autograder seed (None: the student's own seed)."""
    hw: str
    name: str
    path: Path
    seed: int | None
    zip_path: Path

def _without_check_cells(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    nb.cells = [c for c in nb.cells if not (c.cell_type == "code" and "grader.check(" in c.source)]
    return nb


def _with_student_seed(nb: nbformat.NotebookNode, seed: int) -> nbformat.NotebookNode:
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.source = "\n".join(f"rng_seed = {seed}" if line.strip().startswith("rng_seed =") else line
                                    for line in cell.source.split("\n"))
    return nb


def _zip_with_seed(source: Path, target: Path, seed: int | None) -> None:
    """A copy of the autograder zip whose otter_config.json sets another seed (None: no seeding)."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            data = old.read(item.filename)
            if item.filename == "otter_config.json":
                config = json.loads(data)
                config["seed"] = seed
                data = json.dumps(config, indent=2).encode()
            new.writestr(item, data)


def _prepare(hw: str, root: Path, folder: Path, seeds: int) -> tuple[dict[str, Row], list[Task]]:
    """Write every submission of `hw` into `folder`; return its rows by name and the tasks grading them.

    The reference and the autograder seeds come first: the seeds never share training, and the
    reference's training is then ready for the submissions that train exactly as it does.
    """
    reference = reference_notebook(hw, root)
    zip_path = autograder_zip(hw, root)
    zip_seed = zip_config(zip_path).get("seed")
    rows, tasks = {}, []

    def add(name: str, nb, row: Row, seed: int | None = zip_seed, zip_with: Path = zip_path) -> None:
        path = folder / f"{name}.ipynb"
        nbformat.write(nb, path)
        rows[name] = row
        tasks.append(Task(hw, name, path, seed, zip_with))

    def seeded_zip(seed: int | None) -> Path:
        path = folder.parent / "zips" / f"{hw}-seed-{seed}.zip"
        path.parent.mkdir(exist_ok=True)
        _zip_with_seed(zip_path, path, seed)
        return path

    add("reference", nbformat.read(reference, as_version=4), Row("reference", "reference"))
    for i in range(1, seeds + 1):
        add(f"autograder_seed_{2000 + i}", nbformat.read(reference, as_version=4),
            Row(f"reference, autograder seed {2000 + i}", "autograder-seed"), 2000 + i,
            seeded_zip(2000 + i) if i == 1 else zip_path)
    for i in range(1, seeds + 1):
        # no autograder seed: the seed the student's notebook sets is the one training uses
        add(f"student_seed_{1000 + i}", _with_student_seed(nbformat.read(reference, as_version=4), 1000 + i),
            Row(f"reference, student seed {1000 + i}, no autograder seed", "student-seed"), None,
            seeded_zip(None) if i == 1 else zip_path)
    add("reference_no_checks", _without_check_cells(nbformat.read(reference, as_version=4)),
        Row("reference without grader.check cells", "no-checks"))
    add("blank", nbformat.read(student_notebook(hw, root), as_version=4),
        Row("blank student notebook", "blank"))
    for kind in ["wrong", "right"]:
        for path in sorted((SUBMISSIONS_DIR / hw / kind).glob("*.py")):
            change = read_change(path)
            if kind == "wrong" and not change.loses:
                raise RnnhwError(f"{path}: a wrong answer must declare `# loses: qN`")
            add(f"{kind}__{change.name}", apply_change(nbformat.read(reference, as_version=4), change),
                Row(f"{kind}/{change.name}", kind, change.description, change.loses, change.also_loses))
    return rows, tasks


def _grade_in_shared_kernels(tasks: list[Task], base_zips: dict[str, Path], cache: Path | None, jobs: int) -> dict:
    """{(hw, name): (results, seconds, training reused)}; each worker keeps one kernel per assignment;
    `cache` None: every fit trains."""
    pending: queue.Queue[Task] = queue.Queue()
    for task in tasks:
        pending.put(task)
    graded, lock = {}, threading.Lock()

    def worker() -> None:
        kernel, kernel_hw = None, None
        try:
            while True:
                try:
                    task = pending.get_nowait()
                except queue.Empty:
                    return
                if kernel_hw != task.hw:
                    if kernel is not None:
                        kernel.__exit__(None, None, None)
                    kernel, kernel_hw = SharedKernel(base_zips[task.hw], cache and cache / task.hw).__enter__(), task.hw
                start = time.monotonic()
                try:
                    result = kernel.grade(nbformat.read(task.path, as_version=4), f"{task.hw}.ipynb", task.seed)
                    fits = kernel.fits()
                except Exception as e:  # a kernel in an unknown state is replaced, the batch goes on
                    result, fits = GradingResults.without_results(e), {}
                    kernel.__exit__(None, None, None)
                    kernel, kernel_hw = None, None
                result.file = task.name
                reused = fits.get("reused", 0) > 0 and fits.get("trained", 0) == 0
                seconds = time.monotonic() - start
                with lock:
                    graded[task.hw, task.name] = (result, seconds, reused)
                    print(f"[{len(graded)}/{len(tasks)}] {task.hw}/{task.name}: {result.total:g}/{result.possible:g} "
                          f"in {seconds:.1f} s{' (training reused)' if reused else ''}", flush=True)
        finally:
            if kernel is not None:
                kernel.__exit__(None, None, None)

    threads = [threading.Thread(target=worker) for _ in range(max(1, jobs))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return graded


def _verdict(row: Row, possible: dict[str, float], reference: dict[str, float]) -> None:
    full = all(row.scores.get(q) == p for q, p in possible.items())
    if row.status != "Completed":
        row.ok = row.kind in {"wrong", "blank"} and all(row.scores.get(q, 0) == 0 for q in possible)
        row.verdict = f"not graded: {row.status}"
    elif row.kind == "blank":
        row.ok = all(row.scores.get(q) == 0 for q in possible)
        row.verdict = "0 everywhere" if row.ok else "blank notebook earns points"
    elif row.kind == "wrong":
        missed = [q for q in row.loses if row.scores.get(q) == possible.get(q)]
        lost = [q for q in possible if row.scores.get(q, 0) < possible[q]]
        unnamed = [q for q in lost if q not in row.loses and q not in row.also_loses]
        kept = [q for q in row.also_loses if q not in lost]
        row.ok = not (missed or unnamed or kept)
        row.verdict = (f"caught on {', '.join(row.loses)}" if not missed else f"NOT caught on {', '.join(missed)}")
        if row.also_loses and not kept:
            row.verdict += f"; also loses {', '.join(row.also_loses)} by design"
        if unnamed:
            row.verdict += f"; ALSO LOSES {', '.join(unnamed)}, which its change file does not name"
        if kept:
            row.verdict += f"; keeps {', '.join(kept)}, which its change file says it loses"
    elif row.kind == "no-checks":
        row.ok = row.scores == reference
        row.verdict = "same as reference" if row.ok else "differs from reference"
    else:
        row.ok = full
        row.verdict = "full marks" if full else "loses points"
    if row.otter_run is not None:
        agree = row.otter_run == row.scores
        row.ok &= agree
        row.verdict += "; otter run agrees" if agree else f"; OTTER RUN DIFFERS: {row.otter_run}"


def _scores(results: list):
    return merge_scores_to_df(results).set_index("file")


def _otter_run_checks(tasks: list[Task], rows: dict[str, dict[str, Row]], hws: list[str], spread: bool) -> list[Task]:
    """The tasks graded again through `otter run`, as students are graded: one of each kind per
    assignment; or, `spread`, one wrong answer per assignment (partial scores are where the shortcut
    could disagree) and each other kind in one assignment, the assignments taking turns."""
    if spread:
        others = [kind for kind in KINDS if kind != "wrong"]
        wanted = [(hw, "wrong") for hw in hws] + [(hws[i % len(hws)], kind) for i, kind in enumerate(others)]
    else:
        wanted = [(hw, kind) for hw in hws for kind in KINDS]
    found = (next((t for t in tasks if t.hw == hw and rows[hw][t.name].kind == kind), None) for hw, kind in wanted)
    return [task for task in found if task is not None]


def validate(hws: list[str], json_path: str | None = None, markdown_path: str | None = None,
             jobs: int = 2, seeds: int = 0, spread_otter_runs: bool = False, fit_cache: bool = True,
             built: Path | None = None) -> bool:
    """Grade every submission of every assignment; print and write the verdicts.

    `spread_otter_runs`: cross-check fewer submissions with `otter run` (see _otter_run_checks).
    `fit_cache` False: every submission trains for itself (slower; to rule the cache out of a verdict).
    `built`: a root where `rnnhw build` already built these assignments (only read); by default they
    are built anew in a scratch folder."""
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="rnnhw-validate-") as tmp:
        tmp = Path(tmp)
        root = built or tmp / "build"
        rows: dict[str, dict[str, Row]] = {}
        tasks: list[Task] = []
        for hw in hws:
            if built is None:
                build(hw, root)
            folder = tmp / "submissions" / hw
            folder.mkdir(parents=True)
            rows[hw], hw_tasks = _prepare(hw, root, folder, seeds)
            tasks += hw_tasks
        base_zips = {hw: autograder_zip(hw, root) for hw in hws}
        print(f"validate: {len(tasks)} gradings in shared kernels, {jobs} at a time", flush=True)
        graded = _grade_in_shared_kernels(tasks, base_zips, tmp / "fit-cache" if fit_cache else None, jobs)
        checks = _otter_run_checks(tasks, rows, hws, spread_otter_runs)
        print(f"validate: {len(checks)} of them again with otter run", flush=True)
        items = [Item(t.hw, t.path, t.name, t.zip_path, tmp / "otter-run" / t.hw / t.name) for t in checks]
        otter_runs = dict(zip(((t.hw, t.name) for t in checks), grade_batch(items, jobs)))

    report, all_ok = {}, True
    for hw in hws:
        table = _scores([graded[hw, name][0] for name in rows[hw]])
        questions = [c for c in table.columns if c.startswith("q")]
        possible = table.loc["points-per-question", questions].to_dict()
        reference = table.loc["reference", questions].to_dict()
        checked = _scores([r for (h, _), r in otter_runs.items() if h == hw])
        for name, row in rows[hw].items():
            row.scores = table.loc[name, questions].to_dict()
            row.status = table.loc[name, "grading_status"]
            _, row.seconds, row.training_reused = graded[hw, name]
            if name in checked.index:
                row.otter_run = checked.loc[name, questions].to_dict()
            _verdict(row, possible, reference)
            all_ok &= row.ok
        report[hw] = {"questions": possible, "rows": [asdict(r) for r in rows[hw].values()]}
        _print_matrix(hw, possible, rows[hw].values())

    minutes = (time.monotonic() - started) / 60
    if json_path:
        Path(json_path).write_text(json.dumps(report, indent=2) + "\n")
    if markdown_path:
        Path(markdown_path).write_text(to_markdown(report, minutes, jobs, seeds))
    print(f"\nvalidate: {'every verdict holds' if all_ok else 'SOME VERDICTS FAIL'} ({minutes:.1f} min)", flush=True)
    return all_ok


def _cell(score: float, possible: float) -> str:
    return f"{score:g}/{possible:g}"


def _print_matrix(hw: str, possible: dict, rows) -> None:
    width = max(len(r.submission) for r in rows)
    print(f"\n{hw}\n{'submission':<{width}}  " + "  ".join(f"{q:>5}" for q in possible) + "  verdict")
    for r in rows:
        cells = "  ".join(f"{_cell(r.scores.get(q, 0), p):>5}" for q, p in possible.items())
        print(f"{r.submission:<{width}}  {cells}  {'ok  ' if r.ok else 'FAIL'} {r.verdict}")


def to_markdown(report: dict, minutes: float, jobs: int, seeds: int) -> str:
    lines = ["# Grading validity", "",
             "Generated by `make validity` (the grading tests of `make test`, which run `rnnhw validate` "
             f"over every assignment, here with {seeds} autograder and {seeds} student seeds, keeping its matrix),",
             f"in {minutes:.0f} min with {jobs} workers. "
             "Every submission below was graded with otter's grading steps and "
             "the test files of the built autograder zip, in one kernel per assignment and worker; "
             "\"reused\" marks a submission whose training had exactly the inputs of an earlier one "
             "(same data, starting weights, settings and random state), so that training's result was reused. "
             "The rows marked \"otter run agrees\" were graded a second time with `otter run`, the "
             "runner that grades students, and got the same scores.", "",
             "A wrong answer must lose points on the questions it names and on no other question, unless "
             "its change file names that question as one that uses its result (listed under each table); "
             "a right answer, the reference "
             "under other seeds and the reference without its `grader.check` cells must keep full marks; "
             "the blank notebook must get 0. Student seeds are graded without an autograder seed, so "
             "the seed the student's notebook sets is the one that trains.", ""]
    for hw, part in report.items():
        questions = part["questions"]
        lines += [f"## {hw}", "", "| submission | " + " | ".join(questions) + " | verdict | training | what it is |",
                  "|---|" + "---|" * len(questions) + "---|---|---|"]
        for r in part["rows"]:
            cells = " | ".join(_cell(r["scores"].get(q, 0), p) for q, p in questions.items())
            mark = "ok" if r["ok"] else "**FAIL**"
            training = "reused" if r["training_reused"] else ""
            lines.append(f"| {r['submission']} | {cells} | {mark}: {r['verdict']} | {training} | {r['description']} |")
        counts = {k: sum(r["kind"] == k for r in part["rows"]) for k in ["wrong", "right"]}
        seed_runs = sum(r["kind"].endswith("seed") for r in part["rows"])
        beyond = [r for r in part["rows"] if r["kind"] == "wrong" and r.get("also_loses")]
        lines += ["", f"{counts['wrong']} wrong answers, {counts['right']} right answers, {seed_runs} seed runs. "
                  f"{len(beyond)} wrong answer(s) also lose points on a later question, by design:"
                  + ("" if beyond else " none.")]
        lines += [f"- {r['submission']}: " + "; ".join(f"{q} ({why})" for q, why in r["also_loses"].items())
                  for r in beyond]
        lines += [""]
    return "\n".join(lines)
