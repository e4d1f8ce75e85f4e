"""run_otter.py of the autograder zip is a Python zip application (PEP 441) holding the rnnhw package; this
is its __main__. run_autograder runs `python source/run_otter.py /autograder`, as root.

The package is copied out to a folder first: the grading stages import it from there (bubblewrap
binds the folder into each sandbox; without the sandbox, the stages' unprivileged user must be able
to read it, and the zip application lies in source/, which only root may read while grading)."""
import os
import shutil
import sys
import tempfile
import zipfile
from pathlib import Path

root = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/autograder")
folder = Path(tempfile.mkdtemp(prefix="rnnhw-package-"))
with zipfile.ZipFile(sys.argv[0]) as archive:
    archive.extractall(folder, [name for name in archive.namelist() if name.startswith("rnnhw/")])
for path in [folder, *folder.rglob("*")]:
    os.chmod(path, 0o755 if path.is_dir() else 0o644)
sys.path[0] = str(folder)  # it was the zip application itself
try:
    from rnnhw.gradescope import main
    main(root)
finally:
    shutil.rmtree(folder, ignore_errors=True)
