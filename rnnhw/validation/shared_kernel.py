"""Grades many submissions of one assignment in one long-lived kernel, for `rnnhw validate`.

Each submission goes through the steps of `otter run` (otter.execute.grade_notebook): otter's own
GradingPreprocessor adds the grading-mode, seeding, check and results cells, and the test files of
the built zip grade the state the notebook leaves. Only the kernel is shared, so TensorFlow is
imported once per kernel instead of once per submission; between submissions the namespace is
cleared and Keras' session reset. Students are still graded by `otter run` (`rnnhw grade`), and
validate grades one submission of each kind both ways to show the verdicts agree.
"""

import json
import pickle
import shutil
import tempfile
import zipfile
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import DeadKernelError
from otter.execute.logging import start_server
from otter.execute.preprocessor import GradingPreprocessor
from otter.test_files import GradingResults
from traitlets.config import Config

from .. import zip_config

# The module the kernel imports to reuse training (rnnhw.validation.fit_cache), named in the code it runs there.
FIT_CACHE = "rnnhw.validation.fit_cache"

# Per cell, not per submission: a reference cell trains for at most a few tens of seconds.
CELL_TIMEOUT = 300

# A cell of its own: IPython applies %reset before the lines after it would run.
RESET_NAMESPACE = "%reset -f"
RESET_STATE = """\
import gc, os, sys
if "keras" in sys.modules:
    sys.modules["keras"].backend.clear_session()
if "matplotlib.pyplot" in sys.modules:
    sys.modules["matplotlib.pyplot"].close("all")
import otter.logging
# each submission's grading cell adds a log handler for its own server: drop the previous ones
for logger in otter.logging._instances.values():
    for handler in otter.logging._handlers:
        logger.removeHandler(handler)
otter.logging._handlers.clear()
os.chdir({workdir!r})
gc.collect()
# What survives the reset is the kernel's own (modules, Keras' and TensorFlow's state): frozen, a full
# collection (Keras' clear_session, %reset, hw3's hidden tests) skips its 560 000 objects, 0.4 s each time
gc.freeze()
del gc, os, sys, otter
"""


class SharedKernel:
    """A kernel in a folder laid out as `otter run` lays out a submission: tests/ and support files."""

    def __init__(self, zip_path: Path, fit_cache: Path | None = None):
        self.fit_cache = fit_cache
        self.folder = Path(tempfile.mkdtemp(prefix="rnnhw-shared-"))
        with zipfile.ZipFile(zip_path) as z:
            z.extractall(self.folder / "source")
        self.config = zip_config(zip_path)
        shutil.copytree(self.folder / "source" / "tests", self.folder / "tests")
        support = self.folder / "source" / "files"
        if support.is_dir():
            shutil.copytree(support, self.folder, dirs_exist_ok=True)
        self.client = None

    def __enter__(self) -> "SharedKernel":
        self._start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop()
        shutil.rmtree(self.folder, ignore_errors=True)

    def _start(self) -> None:
        self.client = NotebookClient(nbformat.v4.new_notebook(), timeout=CELL_TIMEOUT, allow_errors=True,
                                     interrupt_on_timeout=True, kernel_name="python3",
                                     resources={"metadata": {"path": str(self.folder)}})
        self._kernel = self.client.setup_kernel()
        self._kernel.__enter__()
        if self.fit_cache is not None:
            self._run(f"import {FIT_CACHE}\n{FIT_CACHE}.install({str(self.fit_cache)!r})")

    def fits(self) -> dict[str, int]:
        """How many fits since the last call trained, and how many reused an earlier training."""
        if self.fit_cache is None:
            return {}
        cell = self._run(f"import sys, json\nprint(json.dumps(sys.modules[{FIT_CACHE!r}].stats))\n"
                         f"sys.modules[{FIT_CACHE!r}].stats.update(reused=0, trained=0)")
        return json.loads("".join(o.get("text", "") for o in cell.outputs).strip().splitlines()[-1])

    def _stop(self) -> None:
        if self.client is not None:
            self._kernel.__exit__(None, None, None)
            self.client = None

    def _run(self, source: str) -> nbformat.NotebookNode:
        cell = nbformat.v4.new_code_cell(source)
        self.client.nb = nbformat.v4.new_notebook(cells=[cell])
        self.client.execute_cell(cell, 0)
        return cell

    def grade(self, nb: nbformat.NotebookNode, name: str, seed: int | None) -> GradingResults:
        """Grade one notebook as `otter run` would with this zip, its seed replaced by `seed` (None: no seeding)."""
        nbformat.write(nb, self.folder / name)  # otter run keeps the submission beside the tests
        results_path = self.folder / "results.pkl"
        results_path.unlink(missing_ok=True)
        (host, port), stop_server = start_server()
        try:
            self._run(RESET_NAMESPACE)
            self._run(RESET_STATE.format(workdir=str(self.folder)))
            c = Config()
            c.GradingPreprocessor.cwd = str(self.folder)
            c.GradingPreprocessor.test_dir = "./tests"
            c.GradingPreprocessor.tests_glob = sorted(f"./tests/{p.name}" for p in (self.folder / "tests").glob("*.py"))
            c.GradingPreprocessor.results_path = str(results_path)
            c.GradingPreprocessor.seed = seed
            c.GradingPreprocessor.seed_variable = self.config.get("seed_variable")
            c.GradingPreprocessor.logging_server_host = host
            c.GradingPreprocessor.logging_server_port = port
            c.GradingPreprocessor.force_python3_kernel = False
            graded, _ = GradingPreprocessor(config=c).preprocess(nbformat.from_dict(nb))
            self.client.nb = graded
            self.client.reset_execution_trackers()
            for index, cell in enumerate(graded.cells):
                if cell.cell_type == "code":
                    self.client.execute_cell(cell, index)
        except DeadKernelError:
            self._stop()
            self._start()
            return GradingResults.without_results(RuntimeError("the kernel died"))
        finally:
            stop_server()
            (self.folder / name).unlink(missing_ok=True)
        try:
            with open(results_path, "rb") as f:
                return pickle.load(f)
        except Exception as e:  # as otter does: no results file means no results
            return GradingResults.without_results(e)
