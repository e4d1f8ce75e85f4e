"""Prints the hidden tests it finds next to the notebook (a leak if the output reaches the student)."""
# base: fast
# caught: scan
# %% end
from pathlib import Path
for path in sorted(Path("tests").glob("q*.py")):
    print(path.read_text())
