"""The sandbox of one grading stage (rnnhw/sandbox.py): what it sees, what it can write, its limits,
and that killing it ends everything it started. Quick: no kernel, only small Python programs."""

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from rnnhw import ROOT, RnnhwError, sandbox
from rnnhw.grade import grade

pytestmark = pytest.mark.skipif(sandbox.unavailable() is not None, reason=f"no sandbox here: {sandbox.unavailable()}")


def run_in_sandbox(tmp_path: Path, code: str, timeout: float = 60, limits: sandbox.Limits | None = None,
                   job: dict | None = None) -> tuple[sandbox.Outcome, dict | None, Path]:
    """Run `code` with python in a sandbox whose writable folder is tmp_path/grading (at /grading);
    the code writes its findings with `report(dict)`."""
    folder = tmp_path / "grading"
    folder.mkdir(exist_ok=True)
    uid = sandbox.new_uid()
    sandbox.own(folder, uid)
    (tmp_path / "job.json").write_text(json.dumps(job or {}))
    prelude = ("import json, os, sys\n"
               "def report(data):\n"
               "    with os.fdopen(int(os.environ['RNNHW_REPORT_FD']), 'w') as f:\n"
               "        json.dump(data, f)\n")
    outcome = sandbox.run(["-c", prelude + code], writable={folder: "/grading"}, readable={}, cwd="/grading",
                          job=tmp_path / "job.json", report=tmp_path / "report.json", log=tmp_path / "log.txt",
                          timeout=timeout, limits=limits or sandbox.Limits(), uid=uid)
    text = (tmp_path / "report.json").read_text()
    return outcome, json.loads(text) if text else None, folder


def test_the_sandbox_sees_its_folder_and_the_environment_only(tmp_path):
    canary = tmp_path / "instructor canary.txt"
    canary.write_text("secret")
    outcome, found, folder = run_in_sandbox(tmp_path, f"""
import socket
seen = {{}}
for path in [{str(canary)!r}, {str(ROOT / 'README.md')!r}, {str(ROOT / 'solutions')!r}, "/etc/shadow",
             "/root/.bash_history", "/home"]:
    try:
        seen[path] = "read: " + (open(path).read(10) if os.path.isfile(path) else str(os.listdir(path)))
    except OSError as e:
        seen[path] = type(e).__name__
written = {{}}
for path in ["/grading/mine.txt", "/tmp/scratch.txt", {str(tmp_path / 'outside.txt')!r}, sys.prefix + "/x.txt",
             {str(ROOT / 'rnnhw' / 'x.py')!r}, "/opt/rnnhw/rnnhw/x.py", "/usr/x.txt", "/x.txt", "/opt/x.txt",
             "/dev/x.txt"]:
    try:
        open(path, "w").write("x")
        written[path] = "written"
    except OSError as e:
        written[path] = type(e).__name__
try:
    socket.create_connection(("1.1.1.1", 80), timeout=3)
    network = "connected"
except OSError as e:
    network = type(e).__name__
report({{"seen": seen, "written": written, "network": network, "root": sorted(os.listdir("/")),
         "stdin": json.loads(sys.stdin.read()), "import": __import__("keras").__name__}})
""", job={"hello": 1})
    assert outcome.returncode == 0, (tmp_path / "log.txt").read_text()[-2000:]
    assert not any(v.startswith("read") for v in found["seen"].values()), found["seen"]
    assert [p for p, v in found["written"].items() if v == "written"] == ["/grading/mine.txt", "/tmp/scratch.txt"]
    assert (folder / "mine.txt").exists() and not (tmp_path / "outside.txt").exists()
    assert not (ROOT / "rnnhw" / "x.py").exists()
    assert found["network"] != "connected"
    assert found["stdin"] == {"hello": 1} and found["import"] == "keras"
    assert set(found["root"]) <= {"bin", "sbin", "lib", "lib32", "lib64", "usr", "etc", "opt", "proc", "dev", "tmp",
                                  "grading", *{Path(p).parts[1] for p in [sys.prefix, sys.base_prefix]}}


def test_killing_the_sandbox_ends_a_process_that_left_its_session(tmp_path):
    # double fork, new session, empty environment: what escaped a kill by process group or token
    code = """
if os.fork() == 0:
    os.setsid()
    if os.fork() == 0:
        os.execve("/bin/sh", ["sh", "-c", "while true; do echo . >> /grading/alive; sleep 0.1; done"], {})
    os._exit(0)
import time
time.sleep(600)
"""
    outcome, _, folder = run_in_sandbox(tmp_path, code, timeout=3)
    assert outcome.timed_out
    size = (folder / "alive").stat().st_size
    time.sleep(1)
    assert (folder / "alive").stat().st_size == size, "a process of the sandbox is still writing"


def test_limits_on_processes_file_sizes_memory_and_tmp(tmp_path):
    limits = sandbox.Limits(memory=2 * 2**30, processes=50, file_size=10 * 2**20, tmp_size=20 * 2**20)
    outcome, found, _ = run_in_sandbox(tmp_path, """
import time
found = {}
children = 0
try:
    for _ in range(200):
        pid = os.fork()
        if pid == 0:
            time.sleep(5)
            os._exit(0)
        children += 1
except OSError as e:
    found["processes"] = [children, type(e).__name__]
try:
    with open("/grading/big", "wb") as f:
        for _ in range(20):
            f.write(b"x" * 2**20)
    found["file"] = "written"
except OSError as e:
    found["file"] = [os.path.getsize("/grading/big"), e.errno]
try:
    big = bytearray(3 * 2**30)
    found["memory"] = "allocated"
except MemoryError:
    found["memory"] = "MemoryError"
try:
    for i in range(6):  # files under the size limit, together over /tmp's size
        with open(f"/tmp/big{i}", "wb") as f:
            f.write(b"x" * 5 * 2**20)
    found["tmp"] = "written"
except OSError as e:
    found["tmp"] = e.errno
report(found)
""", limits=limits)
    import errno
    root = os.geteuid() == 0
    assert found["processes"][0] < 50 and found["processes"][1] == "BlockingIOError", (found, root)
    assert found["file"] == [10 * 2**20, errno.EFBIG]
    assert found["memory"] == "MemoryError"
    assert found["tmp"] == errno.ENOSPC


def test_grade_refuses_to_run_without_the_sandbox_unless_told(tmp_path, monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(RnnhwError, match="bubblewrap.*\n.*--no-sandbox"):
        grade([str(tmp_path)], str(tmp_path / "out"))


def test_the_grade_command_has_no_sandbox_and_no_scan_options():
    done = subprocess.run([sys.executable, "-m", "rnnhw", "grade", "--help"], capture_output=True, text=True, cwd=ROOT)
    assert "--no-sandbox" in done.stdout and "--no-scan" in done.stdout


def test_folders_bound_under_tmp_are_not_hidden_by_the_sandboxs_tmp(tmp_path):
    """A repository cloned under /tmp (its .venv, its rnnhw) is bound at its own path: the sandbox's
    own /tmp must not cover it, and must stay writable for everyone."""
    clone = tmp_path / "clone"
    clone.mkdir()
    (clone / "python.txt").write_text("the venv")
    folder = tmp_path / "grading"
    folder.mkdir()
    uid = sandbox.new_uid()
    sandbox.own(folder, uid)
    (tmp_path / "job.json").write_text("{}")
    code = ("import json, os\n"
            "open('/tmp/scratch.txt', 'w').write('x')\n"
            "with os.fdopen(int(os.environ['RNNHW_REPORT_FD']), 'w') as f:\n"
            "    json.dump({'read': open('/tmp/a-clone/.venv/python.txt').read()}, f)\n")
    outcome = sandbox.run(["-c", code], writable={folder: "/grading"}, readable={clone: "/tmp/a-clone/.venv"},
                          cwd="/grading", job=tmp_path / "job.json", report=tmp_path / "report.json",
                          log=tmp_path / "log.txt", timeout=60, limits=sandbox.Limits(), uid=uid)
    assert outcome.returncode == 0, (tmp_path / "log.txt").read_text()
    assert json.loads((tmp_path / "report.json").read_text()) == {"read": "the venv"}


@pytest.mark.skipif(os.geteuid() != 0, reason="a user of its own needs root")
def test_kill_user_ends_every_process_of_a_user_however_it_hid():
    """Without the sandbox (Gradescope's containers) a stage's processes end by their user id: here
    a shell of that user that double-forked into a new session with an empty environment."""
    import tempfile
    uid, folder = sandbox.new_uid(), Path(tempfile.mkdtemp(prefix="rnnhw-kill-user-"))
    try:
        os.chmod(folder, 0o755)  # pytest's own folders are root's alone
        alive = folder / "alive"
        alive.touch()
        os.chown(alive, uid, uid)
        escape = f"sh -c 'while true; do echo . >> {alive}; sleep 0.1; done' </dev/null >/dev/null 2>&1 &"
        subprocess.run(["setsid", "sh", "-c", escape], user=uid, group=uid, extra_groups=[], env={}, check=True)
        time.sleep(0.5)
        assert sandbox._processes_of(uid), "the daemon did not start"
        sandbox.kill_user(uid)
        assert not sandbox._processes_of(uid)
        size = alive.stat().st_size
        time.sleep(0.5)
        assert alive.stat().st_size == size > 0, "it wrote nothing, or wrote on after the kill"
    finally:
        sandbox.kill_user(uid)
        shutil.rmtree(folder)


@pytest.mark.skipif(os.geteuid() != 0, reason="files of another user need root")
def test_remove_files_of_removes_a_users_files_and_links_never_what_they_point_to(tmp_path):
    uid, shared = sandbox.new_uid(), tmp_path / "shared"
    (shared / "theirs").mkdir(parents=True)
    mine, kept = shared / "instructor.txt", tmp_path / "target.txt"
    mine.write_text("root's")
    kept.write_text("root's too")
    (shared / "big").write_bytes(b"x" * 1000)
    (shared / "link").symlink_to(kept)
    (shared / "theirs" / "deep").write_text("deep")
    for path in [shared / "big", shared / "link", shared / "theirs", shared / "theirs" / "deep"]:
        os.lchown(path, uid, uid)
    sandbox.remove_files_of(uid, folders=(str(shared),))
    assert sorted(p.name for p in shared.iterdir()) == ["instructor.txt"]
    assert kept.read_text() == "root's too" and mine.read_text() == "root's"
