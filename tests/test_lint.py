"""The code passes `ruff check` as pyproject.toml configures it."""

import subprocess
import sys

from rnnhw import ROOT


def test_ruff_finds_nothing():
    done = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", "rnnhw", "tests"],
                          cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
