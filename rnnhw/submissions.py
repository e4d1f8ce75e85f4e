"""Submissions made from the reference: one answer cell changed, stored as that change.

A change file (tests/submissions/<hw>/{wrong,right}/<name>.py) looks like:

    '''Pads the sentences on the right instead of the left.'''
    # loses: q3
    # %% q3
    def prepare_data(data, vocabulary, nb_words):
        ...

Each `# %% qN` section replaces the next solution cell of question qN in the reference notebook
(a question with two solution cells takes two `# %% qN` sections, in order; cells not named stay
as in the reference). Headers are the `# key: value` lines between the docstring and the first
section; a file may hold these and no other:

- `# loses: q3 q5` names the questions on which the submission must lose points (wrong answers);
  right answers have none; `all` (the test batch's broken files) means every question.
- `# also loses: q5 (predict_recursively builds its window with Buffer)`: a wrong answer that by
  design also costs a later question, which uses its result, says so with the reason, one line per
  reason. Validation fails a wrong answer that loses points on a question named nowhere, or that
  keeps the points of a question its `# also loses:` names.
- `# base:`, `# status:`, `# caught:`: what the test batch of bad submissions builds the case on and
  expects of it (tests/bad_submissions.py says what each value means).

The file is read as text, never parsed as Python: a malformed case holds a syntax error on purpose.
"""

import inspect
import re
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from . import master_path, reference_notebook, student_notebook
from .masters import read_master

# Otter Assign tags answer cells in the reference notebook and in the student notebook alike.
ANSWER_TAGS = {"otter_assign_solution_cell", "otter_answer_cell"}
_CHECK = re.compile(r"""grader\.check\(\s*["'](\w+)["']\s*\)""")


@dataclass
class Change:
    name: str
    description: str
    loses: list[str]
    sections: list[tuple[str, str]] = field(default_factory=list)
    also_loses: dict[str, str] = field(default_factory=dict)  # question -> why it uses this answer's result
    batch: dict[str, str] = field(default_factory=dict)  # the test batch's headers: base, status, caught


BATCH_HEADERS = ("base", "status", "caught")
_DOCSTRING = re.compile(r'\s*("""|\'\'\')(.*?)\1', re.S)
_HEADER = re.compile(r"^#\s*([a-z][a-z ]*?)\s*:(.*)$", re.M)
_SECTION = re.compile(r"^#\s*%%\s*(\w+)\s*\n(.*?)(?=^#\s*%%|\Z)", re.M | re.S)


def read_change(path: Path) -> Change:
    """A change file, with the headers and sections the module docstring describes."""
    text = path.read_text()
    docstring = _DOCSTRING.match(text)
    sections = [(m.group(1), m.group(2).strip("\n") + "\n") for m in _SECTION.finditer(text)]
    if not sections:
        raise ValueError(f"{path}: no `# %% qN` section")
    loses, also_loses, batch = [], {}, {}
    head = text[docstring.end() if docstring else 0:_SECTION.search(text).start()]
    for match in _HEADER.finditer(head):
        key, value = match.group(1), match.group(2).strip()
        if key == "loses":
            loses = value.replace(",", " ").split()
        elif key == "also loses":
            named = re.fullmatch(r"([\w\s,]+?)\s*\((.+)\)", value)
            if not named:
                raise ValueError(f"{path}: write `# also loses: qN (why qN uses this answer)`, not {match.group(0)!r}")
            for question in named.group(1).replace(",", " ").split():
                also_loses[question] = named.group(2).strip()
        elif key in BATCH_HEADERS:
            batch[key] = value
        else:
            raise ValueError(f"{path}: unknown header {match.group(0)!r} (known: loses, also loses, "
                             f"{', '.join(BATCH_HEADERS)})")
    return Change(path.stem, inspect.cleandoc(docstring.group(2)) if docstring else "", loses, sections,
                  also_loses, batch)


def solution_cells(nb: nbformat.NotebookNode) -> dict[str, list[int]]:
    """Indices of each autograded question's solution cells in a built notebook (reference or
    student): the code answer cells before its grader.check cell. The markdown answer cells of
    written questions, which have no check, are not among them (see written_answer_cells)."""
    by_question: dict[str, list[int]] = {}
    pending: list[int] = []
    for index, cell in enumerate(nb.cells):
        if cell.cell_type == "code" and ANSWER_TAGS & set(cell.metadata.get("tags", [])):
            pending.append(index)
        match = _CHECK.search(cell.source) if cell.cell_type == "code" else None
        if match:
            by_question[match.group(1)] = pending
            pending = []
    return by_question


def written_answer_cells(student: nbformat.NotebookNode) -> list[int]:
    """The answer cell of each written question in a student notebook, in order: the markdown cell
    that otter assign puts where the master's model answer was."""
    return [index for index, cell in enumerate(student.cells)
            if cell.cell_type == "markdown" and ANSWER_TAGS & set(cell.metadata.get("tags", []))]


def apply_change(nb: nbformat.NotebookNode, change: Change) -> nbformat.NotebookNode:
    """Replace the answer cells that `change` names, in place; return the notebook."""
    cells = solution_cells(nb)
    used: dict[str, int] = {}
    for question, source in change.sections:
        position = used.get(question, 0)
        if question not in cells or position >= len(cells[question]):
            raise ValueError(f"{change.name}: the reference has no solution cell #{position + 1} for {question}")
        nb.cells[cells[question][position]].source = source
        used[question] = position + 1
    return nb


# Otter Assign's solution markers, which the reference keeps and a student's answer would not have
_MARKER_LINE = re.compile(r"^[ \t]*# (BEGIN|END) SOLUTION( NO PROMPT)?[ \t]*(\n|\Z)", re.M)
_MARKER_END = re.compile(r"[ \t]*# SOLUTION( NO PROMPT)?[ \t]*$", re.M)


def fill_answers(student: Path, reference: Path, questions: list[str]) -> nbformat.NotebookNode:
    """The blank student notebook with the reference's answers to `questions` filled in, without
    otter's solution markers."""
    nb, answers = nbformat.read(student, as_version=4), nbformat.read(reference, as_version=4)
    mine, theirs = solution_cells(nb), solution_cells(answers)
    for question in questions:
        for index, source_index in zip(mine[question], theirs[question]):
            source = _MARKER_LINE.sub("", answers.cells[source_index].source)
            nb.cells[index].source = _MARKER_END.sub("", source)
    return nb


def write_examples(hw: str, root: Path, target: Path, right_answers: list[Path]) -> None:
    """examples/submissions/<hw>/: complete (every answer, with the right answers applied, so it
    reads like another student's work, and the master's model answer to each written question,
    without its rubric), half done (the first half of the autograded questions) and blank. All
    three start from the student notebook, which holds no hidden test."""
    reference, student = reference_notebook(hw, root), student_notebook(hw, root)
    target.mkdir(parents=True, exist_ok=True)
    questions = list(solution_cells(nbformat.read(reference, as_version=4)))
    complete = fill_answers(student, reference, questions)
    for path in right_answers:
        apply_change(complete, read_change(path))
    written = [q for q in read_master(master_path(hw))[2] if q.manual]
    cells = written_answer_cells(complete)
    if len(cells) != len(written):
        raise ValueError(f"{hw}: {len(written)} written questions in the master, "
                         f"{len(cells)} answer cells in the notebook")
    for index, question in zip(cells, written):
        complete.cells[index].source = question.answer
    nbformat.write(complete, target / "complete.ipynb")
    nbformat.write(fill_answers(student, reference, questions[: len(questions) // 2]), target / "half_done.ipynb")
    nbformat.write(nbformat.read(student, as_version=4), target / "blank.ipynb")


def without_otter_cells(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """The notebook without otter's own cells (init, checks, export), runnable by plain nbclient."""
    nb.cells = [c for c in nb.cells if c.cell_type != "code" or not ("grader." in c.source or "otter" in c.source)]
    return nb
