"""The change-file format (rnnhw/submissions.py): one parser for the wrong and right answers of
every assignment and for the test batch's malformed and tampering cases."""

import re
from pathlib import Path

import pytest

from rnnhw import ROOT
from rnnhw.submissions import read_change

CHANGE_FILES = sorted((ROOT / "tests" / "submissions").rglob("*.py"))


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "case.py"
    path.write_text(text)
    return path


def test_every_committed_change_file_reads():
    assert len(CHANGE_FILES) > 100
    for path in CHANGE_FILES:
        change = read_change(path)
        assert change.description, f"{path}: no docstring"
        assert change.sections, path


def test_headers_docstring_and_sections(tmp_path):
    change = read_change(write(tmp_path, (
        "'''Pads on the right.\n\n    A second line.'''\n"
        "# loses: q3, q4\n# also loses: q5 q6 (they use the padded data)\n# caught: scan\n"
        "# %% q3\nx = [\n# %% end\n# loses: q9\ny = 1\n")))
    assert change.description == "Pads on the right.\n\nA second line."
    assert change.loses == ["q3", "q4"]
    assert change.also_loses == {"q5": "they use the padded data", "q6": "they use the padded data"}
    assert change.batch == {"caught": "scan"}
    # a section may hold a syntax error; a header-like line inside a section is code
    assert change.sections == [("q3", "x = [\n"), ("end", "# loses: q9\ny = 1\n")]


@pytest.mark.parametrize("text, message", [
    ('"""A case."""\n# lose: q1\n# %% q1\nx = 1\n', "unknown header '# lose: q1'"),
    ('"""A case."""\n# also loses: q5\n# %% q1\nx = 1\n', "write `# also loses: qN (why"),
    ('"""A case."""\n# loses: q1\nx = 1\n', "no `# %% qN` section"),
])
def test_a_mistake_in_a_change_file_is_named(tmp_path, text, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        read_change(write(tmp_path, text))
