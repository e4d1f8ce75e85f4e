"""Proves the grades: wrong answers lose points on their question, right answers keep full marks,
the blank notebook gets 0, check cells and seeds change nothing.

Every submission is graded through the built zip with the same runner that grades students.
"""

import json
import tempfile
import zipfile
from dataclasses import asdict, dataclass, field
from pathlib import Path

import nbformat
from otter.grade.utils import merge_scores_to_df

from . import ROOT, autograder_zip
from .build import build
from .grade import Item, grade_batch
from .submissions import apply_change, read_change

SUBMISSIONS_DIR = ROOT / "tests" / "submissions"


@dataclass
class Row:
    submission: str
    kind: str  # reference, no-checks, blank, wrong, right, autograder-seed, student-seed
    description: str = ""
    loses: list[str] = field(default_factory=list)
    scores: dict[str, float] = field(default_factory=dict)
    status: str = ""
    verdict: str = ""
    ok: bool = False


def _without_check_cells(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    nb.cells = [c for c in nb.cells if not (c.cell_type == "code" and "grader.check(" in c.source)]
    return nb


def _with_student_seed(nb: nbformat.NotebookNode, seed: int) -> nbformat.NotebookNode:
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.source = "\n".join(f"rng_seed = {seed}" if line.strip().startswith("rng_seed =") else line
                                    for line in cell.source.split("\n"))
    return nb


def _zip_with_seed(source: Path, target: Path, seed: int) -> None:
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            data = old.read(item.filename)
            if item.filename == "otter_config.json":
                config = json.loads(data)
                config["seed"] = seed
                data = json.dumps(config, indent=2).encode()
            new.writestr(item, data)


def _prepare(hw: str, root: Path, folder: Path, seeds: int) -> dict[str, Row]:
    """Write every submission of `hw` into `folder`; return the rows keyed by file name."""
    reference = root / "autograder" / hw / f"{hw}.ipynb"
    rows = {}

    def add(name: str, nb, row: Row) -> None:
        nbformat.write(nb, folder / f"{name}.ipynb")
        rows[f"{name}.ipynb"] = row

    add("reference", nbformat.read(reference, as_version=4), Row("reference", "reference"))
    add("reference_no_checks", _without_check_cells(nbformat.read(reference, as_version=4)),
        Row("reference without grader.check cells", "no-checks"))
    add("blank", nbformat.read(root / "assignments" / hw / f"{hw}.ipynb", as_version=4),
        Row("blank student notebook", "blank"))
    for kind in ["wrong", "right"]:
        for path in sorted((SUBMISSIONS_DIR / hw / kind).glob("*.py")):
            change = read_change(path)
            if kind == "wrong" and not change.loses:
                raise SystemExit(f"{path}: a wrong answer must declare `# loses: qN`")
            add(f"{kind}__{change.name}", apply_change(nbformat.read(reference, as_version=4), change),
                Row(f"{kind}/{change.name}", kind, change.description, change.loses))
    for i in range(1, seeds + 1):
        add(f"student_seed_{i}", _with_student_seed(nbformat.read(reference, as_version=4), 1000 + i),
            Row(f"reference, student seed {1000 + i}", "student-seed"))
    return rows


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
        row.ok = not missed
        row.verdict = f"caught on {', '.join(row.loses)}" if row.ok else f"NOT caught on {', '.join(missed)}"
    elif row.kind == "no-checks":
        row.ok = row.scores == reference
        row.verdict = "same as reference" if row.ok else "differs from reference"
    else:
        row.ok = full
        row.verdict = "full marks" if full else "loses points"


def validate(hws: list[str], json_path: str | None = None, markdown_path: str | None = None,
             jobs: int = 2, seeds: int = 0) -> bool:
    """Grade every submission of every assignment in one batch; print and write the verdicts."""
    with tempfile.TemporaryDirectory(prefix="rnnhw-validate-") as tmp:
        tmp = Path(tmp)
        rows: dict[str, dict[str, Row]] = {}
        items: list[Item] = []
        for hw in hws:
            build(hw, tmp / "build")
            folder = tmp / "submissions" / hw
            folder.mkdir(parents=True)
            rows[hw] = _prepare(hw, tmp / "build", folder, seeds)
            items += [Item(hw, folder / name, name, autograder_zip(hw, tmp / "build"), tmp / "results" / hw / name)
                      for name in rows[hw]]
            # the autograder seed lives in the zip: one zip per seed, each grading the reference
            for i in range(1, seeds + 1):
                zip_path = tmp / "seeds" / f"{hw}-seed{2000 + i}.zip"
                zip_path.parent.mkdir(exist_ok=True)
                _zip_with_seed(autograder_zip(hw, tmp / "build"), zip_path, 2000 + i)
                name = f"autograder_seed_{i}.ipynb"
                rows[hw][name] = Row(f"reference, autograder seed {2000 + i}", "autograder-seed")
                items.append(Item(hw, folder / "reference.ipynb", name, zip_path, tmp / "results" / hw / name))
        results = grade_batch(items, jobs)

    report, all_ok = {}, True
    for hw in hws:
        table = merge_scores_to_df([r for item, r in zip(items, results) if item.hw == hw]).set_index("file")
        questions = [c for c in table.columns if c.startswith("q")]
        possible = table.loc["points-per-question", questions].to_dict()
        reference = table.loc["reference.ipynb", questions].to_dict()
        for name, row in rows[hw].items():
            row.scores = table.loc[name, questions].to_dict()
            row.status = table.loc[name, "grading_status"]
            _verdict(row, possible, reference)
            all_ok &= row.ok
        report[hw] = {"questions": possible, "rows": [asdict(r) for r in rows[hw].values()]}
        _print_matrix(hw, possible, rows[hw].values())

    if json_path:
        Path(json_path).write_text(json.dumps(report, indent=2) + "\n")
    if markdown_path:
        Path(markdown_path).write_text(to_markdown(report))
    print("\nvalidate:", "every verdict holds" if all_ok else "SOME VERDICTS FAIL", flush=True)
    return all_ok


def _cell(score: float, possible: float) -> str:
    return f"{score:g}/{possible:g}"


def _print_matrix(hw: str, possible: dict, rows) -> None:
    width = max(len(r.submission) for r in rows)
    print(f"\n{hw}\n{'submission':<{width}}  " + "  ".join(f"{q:>5}" for q in possible) + "  verdict")
    for r in rows:
        cells = "  ".join(f"{_cell(r.scores.get(q, 0), p):>5}" for q, p in possible.items())
        print(f"{r.submission:<{width}}  {cells}  {'ok  ' if r.ok else 'FAIL'} {r.verdict}")


def to_markdown(report: dict) -> str:
    lines = ["# Grading validity", "",
             "Generated by `make validity` (`python -m rnnhw validate --seeds 10 --json ... --markdown ...`):",
             "every submission below was graded through the built autograder zip with `otter run`, the",
             "runner that grades students. A wrong answer must lose points on the questions it names; a",
             "right answer, the reference under other seeds and the reference without its `grader.check`",
             "cells must keep full marks; the blank notebook must get 0.", ""]
    for hw, part in report.items():
        questions = part["questions"]
        lines += [f"## {hw}", "", "| submission | " + " | ".join(questions) + " | verdict | what it is |",
                  "|---|" + "---|" * len(questions) + "---|---|"]
        for r in part["rows"]:
            cells = " | ".join(_cell(r["scores"].get(q, 0), p) for q, p in questions.items())
            mark = "ok" if r["ok"] else "**FAIL**"
            lines.append(f"| {r['submission']} | {cells} | {mark}: {r['verdict']} | {r['description']} |")
        counts = {k: sum(r["kind"] == k for r in part["rows"]) for k in ["wrong", "right"]}
        seeds = sum(r["kind"].endswith("seed") for r in part["rows"])
        lines += ["", f"{counts['wrong']} wrong answers, {counts['right']} right answers, {seeds} seed runs.", ""]
    return "\n".join(lines)
