"""Gradescope's autograder run as Gradescope runs it, on this machine (the `gradescope` fixture).

Gradescope builds an image from the zip (setup.sh) and, for each submission, runs
/autograder/run_autograder as root in a Docker container: the zip unpacked in /autograder/source,
the submission in /autograder/submission, results read from /autograder/results/results.json
(https://gradescope-autograders.readthedocs.io/en/latest/specs/). Here each run is a bubblewrap
container made as Docker makes Gradescope's:

- the tree at /autograder itself (bound from a scratch folder), run_autograder copied to
  /autograder/run_autograder as Gradescope's image build copies it, a submission_metadata.json;
- root with Docker's default capabilities, which lack CAP_SYS_ADMIN: bwrap cannot make namespaces
  inside, as in Gradescope's containers, so rnnhw grades as an unprivileged user. With
  `sandbox_allowed` the container keeps every capability (one that lets bwrap run);
- its own /tmp, /var/tmp and process namespace (everything it started ends with it), the host's
  network; /mnt/harness holds what the tampering cases aim at (tests/bad_submissions.py's
  placeholders): `outside`, a folder only root may write, `grades`, a link to results.json, and
  `top`, a link to /autograder, where source/ holds a canary file;
- one substitution: instead of the environment setup.sh builds under /opt (which needs conda-forge,
  out of reach here), the test suite's .venv, first on PATH (run_autograder takes the python it finds
  there when /opt/rnnhw-env is absent). As /opt would be, it is readable by every user: /root, where
  pyenv keeps the interpreter on this machine, is replaced by a folder holding only that, and a .venv
  under /tmp (a clone there) is bound back over the container's own /tmp.

A run can be held to one CPU (taskset) and to a memory limit in a memory cgroup (v1 or v2, where
this machine lets the test suite make one), whose peak is read afterwards: the README's Gradescope
settings come from these figures.
"""

import contextlib
import itertools
import json
import os
import shutil
import subprocess
import sys
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

# Docker's default capabilities (Gradescope's containers run with Docker's defaults).
DOCKER_CAPABILITIES = ["CHOWN", "DAC_OVERRIDE", "FSETID", "FOWNER", "MKNOD", "NET_RAW", "SETGID", "SETUID",
                       "SETFCAP", "SETPCAP", "NET_BIND_SERVICE", "SYS_CHROOT", "KILL", "AUDIT_WRITE"]
_groups = itertools.count()


# A file of the instructor's in the zip's folder, which no notebook may read.
CANARY, CANARY_TEXT = "instructor-canary.txt", "canary 5f0c2e: the instructor's files were read"


@dataclass
class Run:
    root: Path  # the host folder that was /autograder; its parent holds outside/ and var-tmp/
    results: dict | None  # results.json, None if there is none
    stdout: str  # what run_autograder printed (Gradescope shows it to instructors only)
    seconds: float
    peak_memory: int | None  # bytes, the cgroup's peak; None where no cgroup could be made
    returncode: int


def _python_visible() -> list[str]:
    """bwrap arguments (after the container's own /tmp) that show the interpreter and .venv to every
    user, as /opt would: under /root, which only root may enter, a folder holding only them replaces
    /root; under /tmp (a clone there), they are bound back over the container's /tmp."""
    needed = sorted({str(Path(sys.base_prefix).resolve()), str(Path(sys.prefix).resolve())})
    args = ["--perms", "0755", "--tmpfs", "/root"] if any(p.startswith("/root/") for p in needed) else []
    for top in ["/root", "/tmp"]:
        under = [p for p in needed if p.startswith(top + "/")]
        parents = sorted({str(d) for p in under for d in Path(p).parents if str(d).startswith(top + "/")})
        args += [a for d in parents for a in ("--perms", "0755", "--dir", d)]
        args += [a for p in under for a in ("--ro-bind", p, p)]
    return args


def _cgroup_parent() -> tuple[Path, str] | None:
    """Where this process may make a memory cgroup, and which version: cgroup v2's own folder, else v1's
    memory hierarchy. None where neither is writable."""
    lines = Path("/proc/self/cgroup").read_text().splitlines()
    v2 = Path("/sys/fs/cgroup")
    if (v2 / "cgroup.controllers").exists() and "memory" in (v2 / "cgroup.controllers").read_text():
        own = next(line.split(":", 2)[2] for line in lines if line.startswith("0::"))
        parent, version = v2 / own.lstrip("/"), "v2"
    else:
        own = next((line.split(":", 2)[2] for line in lines if line.split(":")[1] == "memory"), None)
        if own is None:
            return None
        parent, version = Path("/sys/fs/cgroup/memory") / own.lstrip("/"), "v1"
    return (parent, version) if os.access(parent, os.W_OK) else None


@contextlib.contextmanager
def memory_cgroup(limit: int | None):
    """A new memory cgroup with `limit` bytes (None: no limit): yields (join command, read peak), or
    None where none can be made."""
    found = _cgroup_parent()
    if found is None:
        yield None
        return
    parent, version = found
    group = parent / f"rnnhw-gradescope-{os.getpid()}-{next(_groups)}"
    try:
        group.mkdir()
    except OSError:
        yield None
        return
    try:
        if limit:
            (group / ("memory.max" if version == "v2" else "memory.limit_in_bytes")).write_text(str(limit))
        peak_file = group / ("memory.peak" if version == "v2" else "memory.max_usage_in_bytes")
        join = ["sh", "-c", 'echo $$ > "$0/cgroup.procs" && exec "$@"', str(group)]
        yield join, lambda: int(peak_file.read_text()) if peak_file.exists() else None
    finally:
        for _ in range(50):  # the last processes may take a moment to leave it
            try:
                group.rmdir()
                break
            except OSError:
                time.sleep(0.1)


def run_autograder(zip_path: Path, submission: Path | None, work: Path, *, extra_files: dict[str, bytes] = {},
                   sandbox_allowed: bool = False, cpu: int | None = None, memory_limit: int | None = None,
                   timeout: float = 900) -> Run:
    """One submission through the zip's run_autograder, in Gradescope's layout (see the module's doc).
    `extra_files`: more files for /autograder/submission (an unpacked export's .OTTER_LOG)."""
    root = work / "autograder"
    for folder in ["source", "submission", "results"]:
        (root / folder).mkdir(parents=True)
    with zipfile.ZipFile(zip_path) as z:
        z.extractall(root / "source")
    shutil.copy(root / "source" / "run_autograder", root / "run_autograder")
    os.chmod(root / "run_autograder", 0o755)
    (root / "submission_metadata.json").write_text(json.dumps({"id": 1, "users": [{"name": "A Student"}],
                                                              "previous_submissions": []}))
    (root / "source" / CANARY).write_text(CANARY_TEXT)
    for folder, mode in [("outside", 0o755), ("var-tmp", 0o1777)]:
        (work / folder).mkdir(exist_ok=True)
        os.chmod(work / folder, mode)
    if submission is not None:
        shutil.copy(submission, root / "submission" / submission.name)
    for name, data in extra_files.items():
        (root / "submission" / name).write_bytes(data)
    capabilities = [] if sandbox_allowed else ["--cap-drop", "ALL", *[a for c in DOCKER_CAPABILITIES
                                                                       for a in ("--cap-add", f"CAP_{c}")]]
    # /tmp and /dev/shm as Docker makes them: writable by every user, /dev/shm 64 MiB
    command = [shutil.which("bwrap"), "--bind", "/", "/", "--dev", "/dev", "--proc", "/proc",
               "--perms", "1777", "--tmpfs", "/tmp",
               "--perms", "1777", "--size", str(64 * 2**20), "--tmpfs", "/dev/shm",
               "--bind", str(work / "var-tmp"), "/var/tmp", *_python_visible(), "--bind", str(root), "/autograder",
               "--tmpfs", "/mnt/harness", "--bind", str(work / "outside"), "/mnt/harness/outside",
               "--symlink", "/autograder/results/results.json", "/mnt/harness/grades",
               "--symlink", "/autograder", "/mnt/harness/top", "--unshare-pid", "--die-with-parent",
               *capabilities, "--chdir", "/autograder", "--clearenv",
               "--setenv", "PATH", f"{Path(sys.prefix) / 'bin'}:/usr/local/bin:/usr/bin:/bin",
               "--setenv", "HOME", "/root", "--setenv", "LANG", "C.UTF-8", "--setenv", "TF_CPP_MIN_LOG_LEVEL", "2",
               "/autograder/run_autograder"]
    if cpu is not None:
        command = ["taskset", "-c", str(cpu), *command]
    with memory_cgroup(memory_limit) as cgroup:
        if cgroup:
            command = [*cgroup[0], *command]
        start = time.monotonic()
        done = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=timeout)
        seconds = time.monotonic() - start
        peak = cgroup[1]() if cgroup else None
    results = root / "results" / "results.json"
    return Run(root, json.loads(results.read_text()) if results.exists() else None,
               done.stdout.decode(errors="replace"), seconds, peak, done.returncode)


def student_visible(results: dict) -> list[str]:
    """Every text of results.json that students see, now or once grades are published: the top-level
    output, and the name and output of each test that is not hidden."""
    texts = [results.get("output", "")] if results.get("visibility", "visible") != "hidden" else []
    if results.get("stdout_visibility") in ("visible", "after_published", "after_due_date"):
        texts.append("<stdout is visible>")
    for test in results.get("tests", []):
        if test.get("visibility", "visible") != "hidden":
            texts += [str(test.get("name", "")), str(test.get("output", ""))]
    return texts


# Gradescope's default container: 1 CPU and 768 MB. The complete examples are graded on one CPU each,
# under this memory limit (the README's Gradescope settings come from these runs).
GRADESCOPE_MEMORY = 768 * 2**20
# The submissions that must earn full marks, and how each is handed in.
COMPLETE = {"hw1_sentiment": "notebook", "hw2_timeseries": "unpacked export", "hw3_extrapolation": "notebook",
            "hw4_forecasting": "export zip"}
# The tampering cases' placeholders (tests/bad_submissions.py), as paths inside the container (see the
# module's doc; names the scan would flag, such as /autograder, are reached through links).
CONTAINER_PATHS = {"__OUTSIDE__": "/mnt/harness/outside", "__GRADES__": "/mnt/harness/grades",
                   "__SEARCH__": ["/mnt/harness/top"]}


def export_zip(handout: Path, notebook: Path, hw: str, folder: Path) -> Path:
    """The zip grader.export() writes for `notebook` (otter's own export, in the handout's folder),
    with the PDF of the written answers, as the export cell makes it."""
    shutil.copytree(handout, folder)
    shutil.copy(notebook, folder / f"{hw}.ipynb")
    code = (f"import otter\notter.Notebook().export({hw + '.ipynb'!r}, export_path='export.zip', "
            "display_link=False)")
    subprocess.run([sys.executable, "-c", code], cwd=folder, check=True, capture_output=True, timeout=300)
    return folder / "export.zip"


def graded_on_gradescope(build: Path, work: Path, examples: Path) -> dict:
    """Every submission of the harness, graded two at a time, each run on a CPU of its own: the
    complete examples (under GRADESCOPE_MEMORY), the blank ones (hw1's in a container that lets bwrap
    run), and hw2's honest fast notebook with each tampering case of tests/submissions/tamper/."""
    import queue
    from concurrent.futures import ThreadPoolExecutor

    import nbformat
    from bad_submissions import HW, _export_zip, blank_notebook, build_notebook, fast_notebook, read_case, SUBMISSIONS

    jobs = []  # (name, zip, submission, keyword arguments)
    for hw, form in COMPLETE.items():
        zip_path, complete = build / "autograder" / hw / f"{hw}-autograder.zip", examples / hw / "complete.ipynb"
        settings = {"memory_limit": GRADESCOPE_MEMORY}
        if form == "notebook":
            jobs.append((f"{hw} complete", zip_path, complete, settings))
        else:
            exported = export_zip(build / "assignments" / hw, complete, hw, work / "exports" / hw)
            if form == "export zip":
                jobs.append((f"{hw} complete", zip_path, exported, settings))
            else:
                with zipfile.ZipFile(exported) as z:
                    files = {n: z.read(n) for n in z.namelist()}
                notebook = work / "exports" / f"{hw}.ipynb"
                notebook.write_bytes(files.pop(f"{hw}.ipynb"))
                jobs.append((f"{hw} complete", zip_path, notebook, {**settings, "extra_files": files}))
        blank = examples / hw / "blank.ipynb"
        jobs.append((f"{hw} blank", zip_path, blank, {"sandbox_allowed": hw == "hw1_sentiment"}))

    cases, written = {}, work / "tamper"
    written.mkdir(parents=True)
    bases = {"fast": fast_notebook(build), "blank": blank_notebook(build)}
    hw2_zip = build / "autograder" / HW / f"{HW}-autograder.zip"
    nbformat.write(bases["fast"], written / "honest fast.ipynb")
    jobs.append(("honest fast", hw2_zip, written / "honest fast.ipynb", {}))
    for path in sorted((SUBMISSIONS / "tamper").glob("*.py")):
        case, change = read_case(path)
        nbformat.write(build_notebook(bases[case.base], change, CONTAINER_PATHS), written / case.name)
        cases[case.name] = case
        jobs.append((case.name, hw2_zip, written / case.name, {}))
    pickled = written / "crafted otter log.zip"
    runs_a_command = b"cposix\nsystem\n(S'touch /mnt/harness/outside/unpickled'\ntR."  # if anything unpickles it
    _export_zip(pickled, bases["fast"], {".OTTER_LOG": runs_a_command})
    jobs.append((pickled.name, hw2_zip, pickled, {}))

    cpus = queue.Queue()
    for cpu in range(2):
        cpus.put(cpu)

    def grade(job) -> tuple[str, Run]:
        name, zip_path, submission, settings = job
        cpu = cpus.get()
        try:
            folder = work / "runs" / name.replace(" ", "_")
            return name, run_autograder(zip_path, submission, folder, cpu=cpu, **settings)
        finally:
            cpus.put(cpu)

    start = time.monotonic()
    with ThreadPoolExecutor(max_workers=2) as pool:
        runs = dict(pool.map(grade, jobs))
    print(f"\n[gradescope] {len(runs)} submissions in {time.monotonic() - start:.0f} s", flush=True)
    for name, run in runs.items():
        notes = next((t["output"] for t in (run.results or {}).get("tests", []) if t.get("visibility") == "hidden"), "")
        memory = f", peak {run.peak_memory / 2**20:.0f} MB" if run.peak_memory else ""
        print(f"[gradescope] {name}: {run.results and run.results['score']} in {run.seconds:.0f} s{memory}: "
              f"{notes[:160]}", flush=True)
    return {"runs": runs, "cases": cases}
