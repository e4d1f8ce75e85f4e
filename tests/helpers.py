"""What several test modules share: the assignments, the seeds of the validity sweep, plain otter run."""

import os
import subprocess
import sys
from pathlib import Path

from rnnhw import assignment_names

ASSIGNMENTS = assignment_names()
# Seeds of the validity sweep, per assignment: that many autograder seeds and as many student seeds.
# `make test` grades 1 of each, to stay within CI's time (calibration.json records the reference's
# graded metric under 20 training seeds, and test_calibration checks every one of them passes);
# `make validity` grades 10 of each (RNNHW_SEEDS=10).
SEEDS = int(os.environ.get("RNNHW_SEEDS", "1"))


def plain_otter_run(notebook: Path, zip_path: Path, out: Path, timeout: int = 900) -> tuple[tuple | None, str]:
    """`otter.run.main` on `notebook` in a child Python, no sandbox, as Gradescope's harness calls it:
    ((total, possible), or None if it printed none; everything it printed)."""
    code = (f"import otter.run\nr = otter.run.main({str(notebook)!r}, autograder={str(zip_path)!r}, "
            f"output_dir={str(out)!r}, no_logo=True)\nprint('SCORE', r.total, r.possible)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=out, timeout=timeout,
                          env={**os.environ, "TF_CPP_MIN_LOG_LEVEL": "2"})
    score = next((tuple(map(float, line.split()[1:])) for line in done.stdout.splitlines()
                  if line.startswith("SCORE")), None)
    return score, done.stdout + done.stderr
