"""Gradescope's side of the autograder zip: grade the submission with rnnhw's stages, write results.json.

Gradescope builds an image from the zip (its setup.sh), then for each submission runs the zip's
run_autograder as root, in /autograder: the zip unpacked in source/, the student's files in
submission/, the results expected in results/results.json
(https://gradescope-autograders.readthedocs.io/en/latest/specs/). `otter grade` builds its Docker
image from the same files and reads results/results.pkl instead.

Otter's own runner trusts what the student's kernel reports (a notebook that replaces otter's
checker gets full marks) and puts each failing test's source line, which for a multiple-choice
question is the answer, into the output students see. Here the submission goes through the stages
of `rnnhw grade` instead (rnnhw/grade.py: the scan, the hidden tests kept off the kernel's disk
until the last cell, the check outside the kernel, the hooks): in bubblewrap sandboxes where bwrap
can make them, otherwise (a container without the privilege to make namespaces, as Gradescope's
usually are) as an unprivileged user of their own, which cannot read source/, results/, the
submission's metadata or the grader's files, and whose processes all end with each stage.

What students see (results.json):
- "Public Tests", at once: each public test case, passed or failed with its message (the public
  tests are in the handout);
- one entry per question, when the instructor publishes the grades: its points and, for each test
  case, passed or failed with the test's message in words (never the test's code: the masters'
  messages state neither the answer nor a threshold), or that the question awaits the instructor's
  review;
- never: the hidden tests' code, the grading status, flags and errors, which go to an entry only
  instructors see ("hidden") and to the stdout Gradescope shows instructors; of a submission that
  could not be graded, only that it was not (the reason may hold what the notebook printed), unless
  the reason is the files handed in. Any text of the kernel that quotes a line of the hidden tests
  is withheld, and the instructors' entry says so.
"""

import ast
import json
import os
import tempfile
import time
from pathlib import Path

from . import sandbox
from .grade import Item, Settings, Unfit, _failure, _with_status, grade_one, load_assignment
from .report import GRADESCOPE_NOTES, student_message
from .syntax import parse

# The longest message of a test case that students see: the masters' longest assert message has 421
# characters before its values are filled in (hw2 q3).
MAX_MESSAGE = 1000
# Lines of the hidden tests this long or longer are looked for in what students see.
MIN_SECRET_LINE = 12
WITHHELD = "[withheld: this text quoted the hidden tests]"
# What students see of a submission that could not be graded (the reason, which may hold what the
# notebook printed, goes to the instructors' notes), unless it is about the files they handed in.
NOT_GRADED = "your instructor has the reason"


def submission_file(folder: Path) -> Path:
    """The notebook to grade in Gradescope's submission folder: its one .ipynb, else its one .zip
    (an export of grader.export()), wherever it lies; Gradescope unpacks an uploaded zip itself."""
    def found(suffix: str) -> list[Path]:
        return sorted(p for p in folder.rglob(f"*{suffix}") if p.is_file() and not p.is_symlink()
                      and not {".ipynb_checkpoints", "__MACOSX"} & set(p.relative_to(folder).parts))
    for suffix in (".ipynb", ".zip"):
        files = found(suffix)
        if len(files) == 1:
            return files[0]
        if len(files) > 1:
            raise Unfit(f"{len(files)} {suffix} files were submitted ({', '.join(p.name for p in files[:5])}): "
                        "submit one notebook")
    raise Unfit("no notebook (.ipynb) or export (.zip) was submitted")


def hidden_lines(tests: dict[str, str]) -> set[str]:
    """The lines of the hidden test cases' code that appear nowhere else in their test files."""
    secret, elsewhere = set(), set()
    for source in tests.values():
        lines = source.splitlines()
        hidden_spans = []
        for node in ast.walk(parse(source)):
            if isinstance(node, ast.FunctionDef) and any(
                    isinstance(d, ast.Call) and any(k.arg == "hidden" and getattr(k.value, "value", False) is True
                                                    for k in d.keywords) for d in node.decorator_list):
                hidden_spans.append(range(node.lineno - 1, node.end_lineno))
        for index, line in enumerate(lines):
            (secret if any(index in span for span in hidden_spans) else elsewhere).add(line.strip())
    return {line for line in secret - elsewhere if len(line) >= MIN_SECRET_LINE}


def shown(text: str, secrets: set[str], withheld: list[str], where: str) -> str:
    """`text` as students may see it: at most MAX_MESSAGE characters, never a line of the hidden tests
    (`where` goes to `withheld` instead)."""
    if any(line in text for line in secrets):
        withheld.append(where)
        return WITHHELD
    return text if len(text) <= MAX_MESSAGE else text[:MAX_MESSAGE] + " [...]"


def results_json(result, assignment, seconds: float) -> dict:
    """Gradescope's results.json for one graded submission (the module's doc gives the policy)."""
    secrets, withheld = hidden_lines(assignment.tests), []
    held = bool(getattr(result, "flags", None))
    failed = result.has_catastrophic_failure()
    public, questions = [], []
    for test_file in assignment.test_files():
        graded = result.results.get(test_file.name) if not failed else None
        verdicts = {r.test_case.name: r for r in graded.test_case_results} if graded else {}
        lines = []
        for case in test_file.test_cases:
            verdict = verdicts.get(case.name)
            if verdict is None:
                said = "not graded"
            elif verdict.passed:
                said = "passed"
            else:
                message = " ".join(student_message(verdict.message).splitlines())  # one line per case
                said = "failed: " + shown(message, secrets, withheld, case.name)
            lines.append(f"{case.name} ({'hidden' if case.hidden else 'public'}): {said}")
            if not case.hidden and not failed:
                public.append(f"{case.name}: {said}")
        if held:
            lines = ["Held for your instructor's review: no points until then."]
        elif failed:
            lines = [f"Not graded: {getattr(result, 'student_reason', NOT_GRADED)}"]
        questions.append({"name": test_file.name, "score": round(graded.score, 5) if graded and not held else 0,
                          "max_score": round(sum(c.points for c in test_file.test_cases), 5),
                          "visibility": "after_published", "output": "\n".join(lines)})
    notes = result.status  # every result of grade_one, and of main's refusals, has one (_with_status)
    if withheld:
        notes += f"\nwithheld from students for quoting the hidden tests: the message of {', '.join(withheld)}"
    public_output = "\n".join(public) if public else f"Not graded: {getattr(result, 'student_reason', NOT_GRADED)}"
    if assignment.written:
        by_hand = ", ".join(f"{name} ({points:g} points)" for name, points in assignment.written.items())
        public_output += f"\n\nGraded by hand from the PDF of your notebook, not here: {by_hand}."
    return {
        "score": 0 if held or failed else round(result.total, 5),
        "execution_time": round(seconds),
        "stdout_visibility": "hidden",
        "tests": [
            {"name": "Public Tests", "visibility": "visible", "status": "passed" if all(
                line.endswith(": passed") for line in public) and public else "failed",
             "output": public_output + "\n\nEach question's points and what its hidden tests found appear once "
             "your instructor publishes the grades."},
            *questions,
            {"name": GRADESCOPE_NOTES, "visibility": "hidden", "output": notes},
        ],
    }


def lock_down(root: Path) -> None:
    """What the stages' own user must not read or write: the zip (hidden tests), the submission's
    metadata (Gradescope puts earlier submissions' results there) and the results."""
    for path, mode in [(root / "source", 0o700), (root / "submission_metadata.json", 0o600),
                       (root / "results", 0o700)]:
        if path.exists():
            os.chmod(path, mode)


def main(root: Path = Path("/autograder")) -> None:
    """Grade the submission under `root` and write results/results.json (and results.pkl for otter grade)."""
    start = time.monotonic()
    os.umask(0o077)
    (root / "results").mkdir(exist_ok=True)
    lock_down(root)
    assignment = load_assignment(root / "source")
    why_not = sandbox.unavailable()
    settings = Settings(use_sandbox=why_not is None, own_user=True)
    where = "bubblewrap sandboxes" if why_not is None else f"an unprivileged user's processes ({why_not})"
    print(f"[rnnhw] {assignment.name}: grading in {where}", flush=True)
    with tempfile.TemporaryDirectory(prefix="rnnhw-results-") as scratch:
        try:
            submission = submission_file(root / "submission")
            item = Item(assignment.name, submission, submission.name, root / "source", Path(scratch) / "results")
            result = grade_one(item, settings)
        except Unfit as e:  # what was handed in: the student may see why
            result = _with_status(_failure(str(e)), [], [])
            result.student_reason = str(e)
        log = Path(scratch) / "results" / "grading.log"
        if log.exists():
            print(log.read_text(errors="replace")[-20000:], flush=True)
    print(f"[rnnhw] {result.total:g}/{result.possible:g}: {result.status}", flush=True)
    data = results_json(result, assignment, time.monotonic() - start)
    with open(root / "results" / "results.json", "w") as f:
        json.dump(data, f, indent=2)
    import dill
    with open(root / "results" / "results.pkl", "wb") as f:
        dill.dump(result, f)

