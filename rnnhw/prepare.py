"""Reads one submission and writes the notebook to grade (stage `prepare` of rnnhw grade).

usage: python -m rnnhw.prepare < JOB_JSON     (report written to the fd named by RNNHW_REPORT_FD)

Parsing a file written by a student is the first thing that can go wrong (JSON nested 10^5 deep, a
zip that inflates to gigabytes, cells whose source is a number), so it happens here, in a sandbox
with the memory limit, and not in the grader: whatever this stage does, the grader gets one report
or none. The report says which assignment the notebook names, what was changed or left out (notes)
and what the scan flags (rnnhw.scan); the notebook is written without outputs, under the kernel the
grader uses, ready for the run stage.
"""

import json
import os
import sys
import zipfile
from pathlib import PurePosixPath

# The largest notebook read (from a file or a zip): a notebook with 200 MB of outputs still passes;
# parsing this much JSON takes a few GB at most, under the stage's memory limit.
MAX_NOTEBOOK_BYTES = 512 * 2**20
KERNELSPEC = {"name": "python3", "display_name": "Python 3", "language": "python"}


class Unfit(Exception):
    """The submission cannot be graded at all; the message says why."""


def _read_capped(opened, what: str) -> bytes:
    data = opened.read(MAX_NOTEBOOK_BYTES + 1)
    if len(data) > MAX_NOTEBOOK_BYTES:
        raise Unfit(f"{what} is larger than {MAX_NOTEBOOK_BYTES // 2**20} MB")
    return data


def read_submission(path: str) -> tuple[bytes, list[str]]:
    """The notebook's bytes and notes on what was left out: a zip gives its one notebook; its other
    files, .OTTER_LOG included, never reach otter (otter unpickles a .OTTER_LOG it finds, which runs
    any code the file holds, and the assignments need no extra files)."""
    if not path.endswith(".zip"):
        with open(path, "rb") as f:
            return _read_capped(f, "the notebook"), []
    try:
        with zipfile.ZipFile(path) as z:
            members = [i for i in z.infolist() if not i.is_dir()][:10000]
            notebooks = [i for i in members if i.filename.endswith(".ipynb")
                         and ".ipynb_checkpoints" not in i.filename and not i.filename.startswith("__MACOSX")]
            if len(notebooks) != 1:
                raise Unfit(f"the zip holds {len(notebooks)} notebooks, not one: "
                            f"{', '.join(i.filename for i in members[:5]) or 'nothing'}")
            if notebooks[0].file_size > MAX_NOTEBOOK_BYTES:
                raise Unfit(f"the notebook in the zip is {notebooks[0].file_size / 2**20:.0f} MB")
            # read in a bounded way: the sizes in a zip's header are the zip's own claim
            with z.open(notebooks[0]) as f:
                data = _read_capped(f, "the notebook in the zip")
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError) as e:
        raise Unfit(f"not a zip file, or a damaged one ({type(e).__name__}: {str(e)[:100]})")
    notes, extra = [], [i.filename for i in members if i is not notebooks[0]]
    if any(PurePosixPath(name).name == ".OTTER_LOG" for name in extra):
        notes.append("the zip's .OTTER_LOG was not read")
    others = [name for name in extra if PurePosixPath(name).name != ".OTTER_LOG"]
    if others:
        notes.append(f"ignored {len(others)} other file(s) in the zip: {', '.join(others[:3])}")
    return data, notes


def _text(source) -> str | None:
    if isinstance(source, str):
        return source
    if isinstance(source, list) and all(isinstance(line, str) for line in source):
        return "".join(source)
    return None


def prepare(path: str, output: str) -> dict:
    """Write the notebook to grade to `output`; return the stage's report."""
    import nbformat
    from .scan import scan_notebook

    data, notes = read_submission(path)
    if not data.strip():
        raise Unfit("empty file, not a notebook (no JSON in it)")
    try:
        content = json.loads(data)
    except RecursionError:
        raise Unfit("not a notebook: JSON nested too deep to read")
    except ValueError as e:
        raise Unfit(f"not a notebook: not JSON ({str(e)[:100]})")
    del data
    version = content.get("nbformat") if isinstance(content, dict) else None
    if not isinstance(version, int) or not isinstance(content.get("metadata", {}), dict):
        raise Unfit("JSON but not a notebook (no nbformat version)")
    metadata = content.get("metadata", {})
    otter = metadata.get("otter") if isinstance(metadata.get("otter"), dict) else {}
    name = otter.get("assignment_name") if isinstance(otter.get("assignment_name"), str) else None
    try:
        nb = nbformat.convert(nbformat.from_dict(content), 4)
        cells = list(nb.cells)
    except Exception as e:  # noqa: BLE001 - nbformat raises many kinds on odd JSON
        raise Unfit(f"JSON but not a notebook ({type(e).__name__}: {str(e)[:120]})")
    if version < 4:
        notes.append(f"converted from nbformat {version}")
    kept = []
    for number, cell in enumerate(cells, 1):
        if not isinstance(cell, dict) or cell.get("cell_type") not in ("code", "markdown", "raw"):
            notes.append(f"cell {number} is not a notebook cell and was left out")
            continue
        source = _text(cell.get("source", ""))
        if source is None:
            notes.append(f"cell {number}'s source is not text and was graded as empty")
            source = ""
        cell["source"] = source
        if cell["cell_type"] == "code":
            # otter executes the notebook anew; old outputs (maybe hundreds of MB) only cost memory
            cell["outputs"], cell["execution_count"] = [], None
        kept.append(cell)
    nb.cells = kept
    # the student's own kernel name (a conda env, "rnn-course") means nothing here: graded on
    # python3, as Gradescope does
    nb.metadata["kernelspec"] = KERNELSPEC
    try:
        nbformat.write(nb, output)
    except Exception as e:  # noqa: BLE001 - a notebook too odd to write back
        raise Unfit(f"JSON but not a notebook ({type(e).__name__}: {str(e)[:120]})")
    return {"assignment": name, "notes": notes, "flags": scan_notebook(nb)}


def main() -> None:
    job = json.loads(sys.stdin.buffer.read())
    report_fd = int(os.environ.pop("RNNHW_REPORT_FD"))
    sys.modules.setdefault("rfc3987_syntax", None)  # see rnnhw.run_one.SKIP_IRI_GRAMMARS
    try:
        report = {"unfit": None, **prepare(job["submission"], job["output"])}
    except Unfit as e:
        report = {"unfit": str(e)}
    except MemoryError:
        report = {"unfit": "too large to read within the memory limit"}
    except Exception as e:  # noqa: BLE001 - any other failure is this submission's alone
        report = {"unfit": f"could not be read ({type(e).__name__}: {str(e)[:200]})"}
    with os.fdopen(report_fd, "w") as f:
        json.dump(report, f)


if __name__ == "__main__":
    main()
