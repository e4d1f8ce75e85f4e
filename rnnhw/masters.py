"""Reads an Otter Assign v1 master notebook: its questions, solution cells and test cells.

A written question (`manual: true`, graded by hand from the PDF that `grader.export()` builds) has no
tests; its solution block holds markdown cells: the model answer, then the rubric, a cell that starts
with `**Rubric`. Otter Assign keeps both in the reference notebook and leaves both out of the student's.
"""

import re
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
import yaml

from . import ROOT

# The data files of the masters' `files:`, kept once; the build puts them next to the master for otter.
DATA_DIR = ROOT / "data"

RUBRIC = "**Rubric"  # how a written question's rubric cell starts
_BOUNDARY = re.compile(r"#\s*(BEGIN|END)\s+(QUESTION|SOLUTION|TESTS|PROMPT)\b", re.IGNORECASE)


@dataclass
class Question:
    name: str
    points: float | None
    solution_cells: list[int] = field(default_factory=list)
    public_tests: list[str] = field(default_factory=list)
    hidden_tests: list[str] = field(default_factory=list)
    tests: list[str] = field(default_factory=list)  # public and hidden, in the master's order
    manual: bool = False  # a written answer, graded by hand
    answer: str = ""  # a written question's model answer (markdown)
    rubric: str = ""  # and how its points are given
    text_cells: list[int] = field(default_factory=list)  # the markdown cells of its solution block


def _boundary(cell) -> tuple[str, str] | None:
    if cell.cell_type != "raw":
        return None
    match = _BOUNDARY.match(cell.source.lstrip())
    return (match.group(1).upper(), match.group(2).upper()) if match else None


def is_hidden_test(source: str) -> bool:
    first = source.lstrip().split("\n", 1)[0]
    if first.startswith("#") and re.search(r"\bhidden\b", first, re.IGNORECASE):
        return True
    config = re.match(r'\s*"""\s*#\s*BEGIN TEST CONFIG(.*?)"""\s*#\s*END TEST CONFIG', source, re.S | re.I)
    return bool(config and (yaml.safe_load(config.group(1)) or {}).get("hidden", False))


def read_master(path: Path) -> tuple[nbformat.NotebookNode, dict, list[Question]]:
    """The notebook, its assignment config and its questions (solution cell indices, test sources)."""
    nb = nbformat.read(path, as_version=4)
    config = yaml.safe_load(nb.cells[0].source) if nb.cells[0].cell_type == "raw" else {}
    questions: list[Question] = []
    block = None
    for index, cell in enumerate(nb.cells):
        boundary = _boundary(cell)
        if boundary:
            kind, what = boundary
            if (kind, what) == ("BEGIN", "QUESTION"):
                meta = yaml.safe_load(cell.source) or {}
                questions.append(Question(meta["name"], meta.get("points"), manual=bool(meta.get("manual"))))
            block = what if kind == "BEGIN" and what != "QUESTION" else None
        elif block == "SOLUTION" and cell.cell_type == "code":
            questions[-1].solution_cells.append(index)
        elif block == "SOLUTION" and cell.cell_type == "markdown":
            questions[-1].text_cells.append(index)
            if cell.source.lstrip().startswith(RUBRIC):
                questions[-1].rubric = cell.source.strip()
            else:
                questions[-1].answer = "\n\n".join(filter(None, [questions[-1].answer, cell.source.strip()]))
        elif block == "TESTS" and cell.cell_type == "code":
            tests = questions[-1].hidden_tests if is_hidden_test(cell.source) else questions[-1].public_tests
            tests.append(cell.source)
            questions[-1].tests.append(cell.source)
    return nb, config, questions


def otter_case_names(questions: list[Question]) -> dict[str, str]:
    """{test function name: the name otter gives its test case, such as "q3 - 2"}. Otter numbers a
    question's cases from 1 in the order of its test cells (otter/test_files/exception_test.py)."""
    names = {}
    for q in questions:
        for number, source in enumerate(q.tests, start=1):
            function = re.search(r"^def (\w+)\(", source, re.M)
            if function:
                names[function.group(1)] = f"{q.name} - {number}"
    return names


def support_files(master: Path) -> list[Path]:
    """The data files a master's config ships next to the notebook (its `files:`), in data/."""
    _, config, _ = read_master(master)
    return [DATA_DIR / name for name in config.get("files") or []]


def secret_lines(nb: nbformat.NotebookNode, questions: list[Question]) -> set[str]:
    """Lines of answers and hidden tests that the student notebook must not contain.

    Lines the student is meant to see anyway (the data cells, the public tests, scaffolding such as
    `return X, T` around an answer) are left out, and so are short lines, which match by chance.
    Every line of a written question's model answer and rubric is secret.
    """
    secret, visible = set(), set()
    solutions = {i for q in questions for i in q.solution_cells + q.text_cells}
    hidden_tests = {source for q in questions for source in q.hidden_tests}
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "raw" and index not in solutions and cell.source not in hidden_tests:
            visible.update(line.strip() for line in cell.source.splitlines())
    for q in questions:
        for source in q.hidden_tests:
            secret.update(line.strip() for line in source.splitlines())
        for index in q.text_cells:
            secret.update(line.strip() for line in nb.cells[index].source.splitlines())
    for index in {i for q in questions for i in q.solution_cells}:
        inside = False
        for line in nb.cells[index].source.splitlines():
            stripped = line.strip()
            if re.match(r"#\s*BEGIN SOLUTION", stripped):
                inside = True
            elif re.match(r"#\s*END SOLUTION", stripped):
                inside = False
            elif inside or re.search(r"#\s*SOLUTION(\s+NO PROMPT)?\s*$", stripped):
                code = re.sub(r"#\s*SOLUTION.*$", "", stripped).strip()
                # `x = answer  # SOLUTION` shows the student `x = ...`: only the answer is secret
                secret.add(code.split("=", 1)[1].strip() if "=" in code and not inside else code)
            else:
                visible.add(stripped)
    return {line for line in secret - visible if len(line) >= 12}
