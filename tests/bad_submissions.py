"""The batch of bad submissions, written and graded once per session (the `batch` fixture):
it grades the malformed cases (tests/submissions/malformed/ and the files written below), the
tampering cases of test_tamper.py and the honest notebooks, `jobs=2`, through `rnnhw.grade.grade`.
Most cases start from a fast honest notebook (the student notebook with the answers that need no
training) so that the batch costs a few minutes.

A case file in tests/submissions/{malformed,tamper}/ is a change file (rnnhw/submissions.py) with
`# base: fast` or `blank` (the student notebook as handed out), `# loses:` (questions that must
score 0, or `all`), `# status:` (words grading_status must contain, several separated by |) and, for
tampering, `# caught: scan` (flagged, not run), `runtime` (run, then flagged) or `stopped` (run, it
earns no more than its honest answers), `zip` (an export zip written at test time) or `no` (a known
hole: it must still earn more than its honest answers, test_known_holes_still_gain_points); a
section `# %% top` or `# %% end` adds a cell before or after every other. In a case's code,
__OUTSIDE__ (a folder outside the sandbox that must stay empty), __GRADES__ (the batch's
final_grades.csv) and __SEARCH__ (the folders above the build, where the instructor's files are)
are replaced by their paths.
"""

import functools
import hashlib
import json
import os
import pickle
import re
import shutil
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

import nbformat
import psutil

from rnnhw import reference_notebook, sandbox, student_notebook
from rnnhw.grade import grade
from rnnhw.submissions import Change, apply_change, fill_answers, read_change

HW = "hw2_timeseries"
OTHER_HW = "hw1_sentiment"
SUBMISSIONS = Path(__file__).resolve().parent / "submissions"
# The fast honest notebook: the answers that run without training a model.
FAST_QUESTIONS = ["q1", "q2", "q4", "q5"]
# Per-submission limit in this batch: the reference (which trains) graded in 48-93 s here under
# load; the endless loop that swallows interrupts must hit this limit, not hang the batch.
TIMEOUT = 150
# Where the crafted .OTTER_LOG would leave its mark if anything unpickled it.
MARKER_NAME = "otter_log_was_unpickled"
CANARY_NAME = "instructor-canary.txt"
# Seconds to wait after the batch before looking for what outlived it (the process that
# outlives_the_grading.py leaves behind acts every second).
AFTER_BATCH = 3
# Cases that are honest notebooks in an unusual form: graded as the fast notebook alone.
HONEST_VARIANTS = ["kernelspec rnn-course.ipynb", "changes_directory.ipynb"]
# The fast notebook with Q6 answered, honestly, on a model of the notebook's own class (untrained:
# Q6 checks that the errors are the model's, not how good it is).
SUBCLASSED_MODEL = "q6 on a model of the notebook's class.ipynb"
SUBCLASSED_MODEL_Q6 = """\
class LastValue(keras.Model):
    def call(self, windows):
        return windows[:, -1, :]


model = LastValue()
predictions = predict_recursively(model, X_test[0].copy(), 100)
one_step_mae = np.mean(np.abs(np.asarray(model(X_test[:100, :, None]))[:, 0] - T_test[:100]))
recursive_mae = np.mean(np.abs(predictions - T_test[:100]))
q6_answer = "c"
"""


@dataclass
class Case:
    name: str  # file name in the batch
    loses: list[str] | None  # questions that must score 0; None: every question
    status: str  # words grading_status must contain (several: separated by |)
    description: str = ""
    caught: str = ""  # tampering: scan, runtime, stopped, zip or no
    base: str = "fast"


def read_case(path: Path) -> tuple[Case, Change]:
    """A change file (rnnhw/submissions.py) and what the batch expects of it."""
    change = read_change(path)
    case = Case(f"{path.stem}.ipynb", None if change.loses == ["all"] else change.loses,
                change.batch.get("status", ""), change.description, change.batch.get("caught", ""),
                change.batch.get("base", "fast"))
    return case, change


def copy(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    return nbformat.from_dict(json.loads(json.dumps(nb)))


def build_notebook(base: nbformat.NotebookNode, change: Change, paths: dict[str, object] | None = None
                   ) -> nbformat.NotebookNode:
    """The base with the change applied; sections `top` and `end` add a cell before or after all;
    the placeholders of `paths` are replaced by their values (as Python literals)."""
    nb = copy(base)
    sections = [(where, functools.reduce(lambda s, kv: s.replace(kv[0], repr(kv[1])), (paths or {}).items(), source))
                for where, source in change.sections]
    apply_change(nb, Change(change.name, change.description, change.loses,
                            [s for s in sections if s[0] not in {"top", "end"}]))
    for where, source in sections:
        if where == "top":
            nb.cells.insert(0, nbformat.v4.new_code_cell(source))
        elif where == "end":
            nb.cells.append(nbformat.v4.new_code_cell(source))
    return nb


def fast_notebook(root: Path) -> nbformat.NotebookNode:
    return fill_answers(student_notebook(HW, root), reference_notebook(HW, root), FAST_QUESTIONS)


def blank_notebook(root: Path) -> nbformat.NotebookNode:
    return nbformat.read(student_notebook(HW, root), as_version=4)


def _export_zip(path: Path, nb: nbformat.NotebookNode, extra: dict[str, bytes]) -> None:
    """A zip as grader.export() writes it (the notebook at the top), with extra files."""
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(f"{HW}.ipynb", nbformat.writes(nb))
        for name, data in extra.items():
            z.writestr(name, data)


class _Unpickled:
    """What a crafted .OTTER_LOG holds: unpickling it creates a file (any code could run there)."""

    def __init__(self, marker: Path):
        self.marker = marker

    def __reduce__(self):
        return (Path.touch, (self.marker,))


def generated_cases(folder: Path, root: Path, fast: nbformat.NotebookNode, marker: Path) -> list[Case]:
    """The cases that are not a change to a notebook; written into `folder`."""
    cases = []

    def add(name: str, data: bytes | str, loses, status: str, description: str = "", caught: str = "") -> None:
        path = folder / name
        path.write_bytes(data.encode() if isinstance(data, str) else data)
        cases.append(Case(name, loses, status, description, caught))

    add("empty.ipynb", "", None, "JSON")
    add("not json.ipynb", "this is not a notebook", None, "JSON")
    add("json not a notebook.ipynb", json.dumps({"name": "hw2", "answers": [1, 2, 3]}), None, "not a notebook")
    add("deeply nested json.ipynb", "[" * 100_000 + "]" * 100_000, None, "nested too deep")
    # an old format under a name with spaces and letters beyond ASCII
    add("Übung Nº2 – élève v3.ipynb", nbformat.writes(nbformat.convert(copy(fast), 3)), [],
        "converted from nbformat 3")
    other = nbformat.read(student_notebook(OTHER_HW, root), as_version=4)
    add("another assignment.ipynb", nbformat.writes(other), None, OTHER_HW)
    # a 200 MB notebook is written at test time only: outputs of one cell, in 10 MB strings
    huge = copy(fast)
    code = next(c for c in huge.cells if c.cell_type == "code")
    code.outputs = [nbformat.v4.new_output("stream", name="stdout", text="x" * 10 * 2**20) for _ in range(20)]
    add("200 MB of outputs.ipynb", nbformat.writes(huge), [], "Completed")
    # the kernel of a student's conda environment, which the grading machine does not have
    named = copy(fast)
    named.metadata["kernelspec"] = {"name": "rnn-course", "display_name": "Python (rnn-course)", "language": "python"}
    add("kernelspec rnn-course.ipynb", nbformat.writes(named), [], "Completed")
    # an honest q6 on a Keras model of the notebook's own class (code, like a function): the case that
    # takes it keeps the kernel's verdict, not flagged (test_a_model_of_the_notebooks_class_...)
    subclassed = copy(fast)
    subclassed.cells.append(nbformat.v4.new_code_cell(SUBCLASSED_MODEL_Q6))
    add(SUBCLASSED_MODEL, nbformat.writes(subclassed), [], "graded in the kernel only")
    # a markdown cell whose source is a number and a code cell whose source is an object
    odd = json.loads(nbformat.writes(fast))
    odd["cells"].insert(0, {"cell_type": "markdown", "metadata": {}, "source": 42})
    odd["cells"].insert(1, {"cell_type": "code", "metadata": {}, "source": {"not": "text"}, "outputs": [],
                            "execution_count": None})
    add("cell sources not text.ipynb", json.dumps(odd), [], "source is not text")
    # numpy.py would shadow numpy in the kernel, otter/ would replace otter, if they reached it
    _export_zip(folder / "export with extra files.zip", fast, {
        "numpy.py": b"raise ImportError('a numpy from the submission')\n",
        "otter/__init__.py": b"raise ImportError('an otter from the submission')\n",
        "notes.txt": b"extra notes",
    })
    cases.append(Case("export with extra files.zip", [], "ignored 3 other file(s)"))
    with zipfile.ZipFile(folder / "export without notebook.zip", "w") as z:
        z.writestr("notes.txt", "I forgot the notebook")
    cases.append(Case("export without notebook.zip", None, "holds 0 notebooks"))
    add("garbage.zip", b"PK\x03\x04 not really a zip", None, "not a zip file")
    # a zip of 0.6 MB holding a 600 MB notebook (written in chunks: this process stays small too)
    with zipfile.ZipFile(folder / "zip bomb.zip", "w", zipfile.ZIP_DEFLATED) as z:
        with z.open(f"{HW}.ipynb", "w", force_zip64=True) as f:
            f.write(b'{"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": []')
            for _ in range(600):
                f.write(b" " * 2**20)
            f.write(b"}")
    cases.append(Case("zip bomb.zip", None, "600 MB"))
    # tampering: a .OTTER_LOG that runs code when unpickled, as otter run would unpickle it
    _export_zip(folder / "crafted otter log.zip", fast, {".OTTER_LOG": pickle.dumps(_Unpickled(marker))})
    cases.append(Case("crafted otter log.zip", [], ".OTTER_LOG was not read",
                      "a .OTTER_LOG that runs code when unpickled", "zip"))
    return cases


def _sandbox_processes(label: str, outside: Path) -> list[list[str]]:
    """Processes of the batch still running: with its label, a sandbox's user id, or naming the
    folder that only the cases know (a process that cleared its environment keeps its command line)."""
    left = []
    for process in psutil.process_iter(["cmdline", "uids", "environ"]):
        try:
            command = process.info["cmdline"] or []
            mine = ((process.info["environ"] or {}).get("RNNHW_TEST_BATCH") == label
                    or process.info["uids"].real in sandbox.own_uids() or str(outside) in " ".join(command))
            if mine and process.pid != os.getpid():
                left.append(command)
        except psutil.Error:
            pass
    return left


def _work_folders() -> set[str]:
    import tempfile
    return {p.name for p in Path(tempfile.gettempdir()).glob("rnnhw-grade-*")}


@functools.cache
def graded_batch(root: Path) -> dict:
    """Grade every case in one batch, and the fast honest notebook alone (the baseline).

    Cached: test_tamper.py reads the same batch."""
    work = root.parent / "bad_submissions"
    folder, marker, outside = work / HW, work / MARKER_NAME, work / "outside"
    shutil.rmtree(work, ignore_errors=True)  # a batch that failed half-way is not reused
    folder.mkdir(parents=True)
    outside.mkdir()
    canary = root.parent / CANARY_NAME
    canary.write_text(f"canary {hashlib.sha256(str(root).encode()).hexdigest()}")
    paths = {"__OUTSIDE__": str(outside), "__GRADES__": str(work / "out" / "final_grades.csv"),
             "__SEARCH__": [str(root.parent)]}
    fast = fast_notebook(root)
    bases = {"fast": fast, "blank": blank_notebook(root)}
    nbformat.write(fast, folder / "honest fast.ipynb")
    nbformat.write(nbformat.read(reference_notebook(HW, root), as_version=4),
                   folder / "honest reference.ipynb")
    cases = {}
    for kind in ["malformed", "tamper"]:
        for path in sorted((SUBMISSIONS / kind).glob("*.py")):
            case, change = read_case(path)
            nbformat.write(build_notebook(bases[case.base], change, paths), folder / case.name)
            cases[case.name] = (kind, case)
    for case in generated_cases(folder, root, fast, marker):
        cases[case.name] = ("tamper" if case.caught else "malformed", case)

    alone_dir = work / "alone"
    alone_dir.mkdir()
    nbformat.write(fast, alone_dir / "honest fast.ipynb")
    alone = grade([str(alone_dir)], str(work / "alone_out"), assignment=HW, jobs=1, root=root)[HW]

    # every process of this batch carries the label, to find any left running afterwards
    label = os.environ["RNNHW_TEST_BATCH"] = f"bad-submissions-{os.getpid()}-{time.time()}"
    folders_before = _work_folders()
    start = time.monotonic()
    try:
        table = grade([str(folder)], str(work / "out"), assignment=HW, jobs=2, timeout=TIMEOUT, root=root)[HW]
    finally:
        del os.environ["RNNHW_TEST_BATCH"]
    batch_seconds = time.monotonic() - start
    print(f"[bad submissions] {len(table) - 1} graded in {batch_seconds:.0f} s", flush=True)
    grades_after = (work / "out" / "final_grades.csv").read_bytes()
    time.sleep(AFTER_BATCH)
    questions = [c for c in table.columns if re.fullmatch(r"q\d+", c)]
    return {"table": table.set_index("file"), "alone": alone.set_index("file"), "cases": cases,
            "questions": questions, "marker": marker, "out": work / "out", "seconds": batch_seconds,
            "label": label, "outside": outside, "root": root, "canary": canary, "paths": paths, "bases": bases,
            "left running": _sandbox_processes(label, outside), "outside files": sorted(os.listdir(outside)),
            "grades changed": (work / "out" / "final_grades.csv").read_bytes() != grades_after,
            "work folders left": _work_folders() - folders_before}


def cases_of(kind: str) -> list[Case]:
    """The committed cases of a kind (the generated ones are checked by name in the tests)."""
    return [read_case(p)[0] for p in sorted((SUBMISSIONS / kind).glob("*.py"))]


def assert_status_says(case, status: str) -> None:
    """The grading status holds each of the case's `# status:` words (several: separated by |)."""
    for words in filter(None, case.status.split("|")):
        assert words.strip().lower() in status.lower(), f"{case.name}: {status!r} should say {words.strip()!r}"


def honest_part(batch: dict, case: Case, question: str) -> float:
    """What the honest answers of a case earn on a question: the fast notebook's, 0 where it loses."""
    if case.loses is None or question in case.loses or case.base == "blank":
        return 0
    return batch["alone"].loc["honest fast.ipynb", question]


