"""Runs one grading stage in a bubblewrap sandbox: limits, a timeout, a report only the grader reads.

Why bubblewrap (bwrap): it is the unprivileged sandbox that Flatpak is built on, packaged by Debian,
Ubuntu, Fedora and most other distributions, and needs no daemon (Docker, which otter uses, needs
one). It starts a command in new namespaces, with only the folders it is given:

- every namespace is new (`--unshare-all`): no network (the stage's kernel and otter's runner talk
  over the loopback of their own network namespace), no view of other processes, and the stage's
  pid namespace dies with its first process, so killing the sandbox ends everything it started
  (`--die-with-parent` ties that to the grader: if the grader dies, so does the sandbox);
- the file system is empty but for the system's /usr and a few /etc files, the Python environment
  (.venv and the interpreter it links to) and the rnnhw package, all read-only, a small /tmp in
  memory, and the folders the grader binds (the submission's own grading folder): the repository,
  solutions/, autograder/, other submissions and grades/ are not there to be read or written;
- `--new-session`: the stage cannot push input into the grader's terminal.

Limits are set by a small launcher (this module's `main`) inside the sandbox, before the stage's
Python starts: RLIMIT_DATA (memory written, per process), RLIMIT_NPROC (processes and threads),
RLIMIT_FSIZE (size of each file written) and no core dumps. The kernel ignores RLIMIT_NPROC for
root, so when the grader runs as root the sandbox runs under an unprivileged user id of its own (in
that case bwrap creates no user namespace: the id must be a real one for the limit to hold).

The stage reads its instructions on stdin (a file the grader wrote outside the sandbox) and writes
its report to an inherited file descriptor (RNNHW_REPORT_FD) whose file lies outside the sandbox:
the grader reads nothing that the submission could have replaced.

`sandbox=False` (`rnnhw grade --no-sandbox`) runs the same stage as a plain child process with the
same limits: nothing is hidden from it, and a process that leaves its session outlives it. Given a
user id as well (Gradescope's container, where bwrap cannot make namespaces: rnnhw/gradescope.py),
the stage runs as that unprivileged user, with a home folder of its own: it cannot read or write
what root keeps private (the hidden tests, the stages' instructions and reports, results.json), the
limits hold, and when the stage ends every process of that user is killed, however it hid.
"""

import itertools
import json
import os
import resource
import shutil
import signal
import stat
import subprocess
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from . import ROOT

# Where the rnnhw package appears inside the sandbox (the package alone, not the repository).
PACKAGE_DIR = "/opt/rnnhw"
# Small files of /etc that Python, glibc, fontconfig and matplotlib read; the rest of /etc stays out.
ETC_FILES = ["ld.so.cache", "ld.so.conf", "ld.so.conf.d", "passwd", "group", "hosts", "nsswitch.conf",
             "localtime", "fonts", "ssl/certs", "mime.types"]
# User ids for sandboxes started by root, far from real users' ids: 100 per grading process (by its
# pid), one per submission, so that the process limit of one sandbox is not shared with another.
FIRST_UID = 200000
UIDS_PER_PROCESS = 100
_uids = itertools.count()


# Seconds each stage of a grading (prepare, run, verify) may take. The references grade in 59-72 s
# on a quiet 2-core machine (bench/results.md) and hw1's took 119 s at a load average of 9 (README,
# Performance); 300 s leaves room for a slower machine without letting a hung kernel block a batch.
DEFAULT_TIMEOUT = 300


@dataclass
class Limits:
    # RLIMIT_DATA, not RLIMIT_AS: a TensorFlow process maps far more address space than it writes
    # (measured after one hw2 training epoch: 2.4 GB mapped, 0.58 GB of data; an address-space cap
    # of 2 GiB aborts TensorFlow, one of 3 GiB does not), so the data limit follows what a notebook
    # really allocates; a 30 GB array needs it and is refused with a MemoryError.
    memory: int = 4 * 2**30
    # Processes and threads together (Linux counts threads): grading hw2's reference peaked at 44
    # (runner, kernel and their threads, 2 cores); TensorFlow's thread pools grow with the cores.
    processes: int = 256 + 8 * (os.cpu_count() or 1)
    file_size: int = 1 * 2**30
    tmp_size: int = 1 * 2**30


@dataclass
class Outcome:
    returncode: int | None  # None: killed at the timeout
    seconds: float

    @property
    def timed_out(self) -> bool:
        return self.returncode is None


def unavailable() -> str | None:
    """Why the sandbox cannot run here, or None when it can."""
    bwrap = shutil.which("bwrap")
    if not bwrap:
        return "bubblewrap (the bwrap command) is not installed"
    probe = subprocess.run([bwrap, *_namespaces(), "--ro-bind", "/", "/", "true"],
                           capture_output=True, text=True)
    if probe.returncode != 0:
        return f"bwrap cannot create a sandbox here: {probe.stderr.strip()[-300:]}"
    return None


def _namespaces() -> list[str]:
    common = ["--die-with-parent", "--new-session"]
    if os.geteuid() == 0:
        # No user namespace, so that the launcher can take a real unprivileged uid (see above).
        return [*common, "--unshare-ipc", "--unshare-pid", "--unshare-net", "--unshare-uts",
                "--unshare-cgroup-try", "--cap-add", "CAP_SETUID", "--cap-add", "CAP_SETGID"]
    return [*common, "--unshare-all", "--unshare-user", "--disable-userns"]


def _system_binds() -> list[str]:
    args = ["--ro-bind", "/usr", "/usr"]
    for top in ["bin", "sbin", "lib", "lib32", "lib64"]:
        path = Path("/") / top
        if path.is_symlink():
            args += ["--symlink", os.readlink(path), str(path)]
        elif path.is_dir():
            args += ["--ro-bind", str(path), str(path)]
    for name in ETC_FILES:
        args += ["--ro-bind-try", f"/etc/{name}", f"/etc/{name}"]
    return args


def _python_binds() -> list[str]:
    """The virtual environment and the interpreter it was made from, read-only, at their own paths
    (the venv's python is a symlink to the interpreter and its pyvenv.cfg names it)."""
    paths = {Path(sys.prefix), Path(sys.base_prefix), Path(sys.prefix).resolve(), Path(sys.base_prefix).resolve()}
    return [arg for path in sorted(paths) if not str(path).startswith("/usr")
            for arg in ("--ro-bind", str(path), str(path))]


def _parents(destinations: list[str]) -> list[str]:
    """Create the parent folders of every mount point as 0755 (bwrap makes them 0700, which a
    sandbox running as another user cannot enter)."""
    made, args = set(), []
    for destination in destinations:
        for parent in reversed(Path(destination).parents):
            if str(parent) not in ("/", "/tmp", "/dev", "/dev/shm") and parent not in made:  # those are mounts already
                made.add(parent)
                args += ["--perms", "0755", "--dir", str(parent)]
    return args


def bwrap_command(command: list[str], writable: dict[Path, str], readable: dict[Path, str], cwd: str,
                  limits: Limits, env: dict[str, str]) -> list[str]:
    python = _python_binds()
    mounts = [str(p) for p in python[2::3]] + [f"{PACKAGE_DIR}/rnnhw", *writable.values(), *readable.values()]
    # the sandbox's /tmp comes before the binds: a repository (and its .venv) under /tmp, as in a
    # fresh clone there, is then bound on top of it instead of hidden by it
    args = [shutil.which("bwrap"), *_namespaces(), "--hostname", "grading", *_system_binds(),
            "--proc", "/proc", "--dev", "/dev",
            "--perms", "1777", "--size", str(limits.tmp_size), "--tmpfs", "/tmp",
            "--perms", "1777", "--size", str(limits.tmp_size // 4), "--tmpfs", "/dev/shm",
            *_parents(mounts), *python, "--ro-bind", str(ROOT / "rnnhw"), f"{PACKAGE_DIR}/rnnhw"]
    for host, inside in writable.items():
        args += ["--bind", str(host), inside]
    for host, inside in readable.items():
        args += ["--ro-bind", str(host), inside]
    # the sandbox's root is a tmpfs of bwrap's: read-only, so that nothing can fill memory through it
    args += ["--remount-ro", "/", "--chdir", cwd, "--clearenv"]
    for name, value in env.items():
        args += ["--setenv", name, value]
    return [*args, "--", *command]


def _environment(sandbox: bool, home: Path | None) -> dict[str, str]:
    """The stage's whole environment. `home`: without the sandbox, the folder of the stage's own
    user (its home and temporary files), or None to keep the grader's."""
    # PYTHONPATH: the launcher runs with -S, without site-packages and the package installed there;
    # inside the sandbox the package is bound at PACKAGE_DIR
    env = {"PATH": f"{Path(sys.prefix) / 'bin'}:/usr/bin:/bin", "HOME": "/tmp", "USER": "student",
           "LANG": "C.UTF-8", "PYTHONDONTWRITEBYTECODE": "1", "MPLCONFIGDIR": "/tmp/matplotlib",
           "PYTHONPATH": PACKAGE_DIR if sandbox else str(ROOT)}
    # TensorFlow's banners; the test suite's label for the processes of one batch
    for name in ["TF_CPP_MIN_LOG_LEVEL", "RNNHW_TEST_BATCH"]:
        if name in os.environ:
            env[name] = os.environ[name]
    if not sandbox and home:
        env.update(HOME=str(home), TMPDIR=str(home), MPLCONFIGDIR=str(home / "matplotlib"))
    elif not sandbox:
        env.update(HOME=os.environ.get("HOME", "/tmp"), MPLCONFIGDIR=os.environ.get("MPLCONFIGDIR", ""))
        env = {k: v for k, v in env.items() if v}
    return env


def own(folder: Path, uid: int | None) -> None:
    """Give a folder to the sandbox's user (root only: other graders run the sandbox as themselves)."""
    if uid is None:
        return
    for path in [folder, *folder.rglob("*")]:
        os.lchown(path, uid, uid)


def own_uids() -> range:
    """The user ids this process gives its sandboxes (when it runs as root)."""
    first = FIRST_UID + (os.getpid() % 10000) * UIDS_PER_PROCESS
    return range(first, first + UIDS_PER_PROCESS)


def new_uid() -> int | None:
    return own_uids()[next(_uids) % UIDS_PER_PROCESS] if os.geteuid() == 0 else None


def private_opener(path: Path, flags: int) -> int:
    """Open (and create) a file only its owner may read: the grader's, never the stage's user."""
    return os.open(path, flags, 0o600)


def run(python_args: list[str], *, writable: dict[Path, str], readable: dict[Path, str], cwd: str, job: Path,
        report: Path, log: Path, timeout: float, limits: Limits, sandbox: bool = True,
        uid: int | None = None, home: Path | None = None) -> Outcome:
    """Run the environment's python with `python_args` (`["-m", "rnnhw.prepare"]`), `job` on its
    stdin, its report written to `report` and its output appended to `log`.

    Without the sandbox, `writable` and `readable` map host folders to themselves (`cwd` is a host
    path) and are not enforced; with `uid` (the grader runs as root), the stage runs as that user,
    `home` being its home folder."""
    settings = {"limits": asdict(limits), "uid": uid}
    python = str(Path(sys.prefix) / "bin" / "python")
    command = [python, "-S", "-m", "rnnhw.sandbox", json.dumps(settings), "--", python, *python_args]
    with open(job, "rb") as stdin, open(log, "ab", opener=private_opener) as output, \
            open(report, "wb", opener=private_opener) as report_file:
        env = {**_environment(sandbox, home if uid is not None else None), "RNNHW_REPORT_FD": str(report_file.fileno())}
        if sandbox:
            command = bwrap_command(command, writable, readable, cwd, limits, env)
        start = time.monotonic()
        child = subprocess.Popen(command, stdin=stdin, stdout=output, stderr=subprocess.STDOUT,
                                 pass_fds=[report_file.fileno()], start_new_session=True,
                                 cwd=None if sandbox else cwd, env=env)
        try:
            child.wait(timeout=timeout)
            return Outcome(child.returncode, time.monotonic() - start)
        except subprocess.TimeoutExpired:
            return Outcome(None, time.monotonic() - start)
        finally:
            _end(child, sandbox, uid)


def _end(child: subprocess.Popen, sandbox: bool, uid: int | None) -> None:
    """Kill what the stage started. In the sandbox, killing bwrap kills the first process of the
    stage's pid namespace (--die-with-parent), and the kernel then kills every other process in it,
    however it hid: wait until they are gone. Without it, every process of the stage's own user, or
    the process tree and group when the stage runs as the grader's user."""
    import psutil
    try:
        tree = psutil.Process(child.pid).children(recursive=True)
    except psutil.Error:
        tree = []
    if not sandbox and uid is not None:
        kill_user(uid)
    elif not sandbox:
        for process in tree:
            try:
                process.kill()
            except psutil.Error:
                pass
        try:
            os.killpg(child.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
    child.kill()
    child.wait()
    psutil.wait_procs(tree, timeout=10)


def _processes_of(uid: int) -> list:
    import psutil
    found = []
    for process in psutil.process_iter(["uids"]):
        uids = process.info["uids"]
        if uids and uid in (uids.real, uids.effective, uids.saved):
            found.append(process)
    return found


def kill_user(uid: int, patience: float = 10) -> None:
    """Kill every process of `uid` (root only), however it hid: a new session, a new process group,
    an empty environment, a double fork. A child takes that uid and sends SIGKILL to every process it
    may signal, which are exactly that user's (kill(2) with pid -1), until none is left; the user's
    process limit bounds how many forks can race it."""
    deadline = time.monotonic() + patience
    while _processes_of(uid) and time.monotonic() < deadline:
        pid = os.fork()
        if pid == 0:  # the child only changes its ids, signals and exits
            try:
                os.setgroups([])
                os.setgid(uid)
                os.setuid(uid)
                os.kill(-1, signal.SIGKILL)
            finally:
                os._exit(0)
        os.waitpid(pid, 0)
        time.sleep(0.02)
    if _processes_of(uid):
        raise RuntimeError(f"processes of user {uid} survived {patience:g} s of kills")


def remove_files_of(uid: int, folders: tuple[str, ...] = ("/tmp", "/var/tmp", "/dev/shm")) -> None:
    """Remove what `uid` left in the shared temporary folders (after kill_user: nothing of that user
    runs any more to race this). Links are removed, never followed."""
    for folder in folders:
        for top, dirs, files in os.walk(folder):
            for name in files + dirs:
                path = os.path.join(top, name)
                try:
                    info = os.lstat(path)
                except OSError:
                    continue
                if info.st_uid != uid:
                    continue
                if stat.S_ISDIR(info.st_mode):
                    shutil.rmtree(path, ignore_errors=True)
                    dirs.remove(name)
                else:
                    os.unlink(path)


def main(argv: list[str] | None = None) -> None:
    """The launcher, first thing inside the sandbox: `python -S -m rnnhw.sandbox SETTINGS -- COMMAND...`"""
    argv = sys.argv[1:] if argv is None else argv
    settings, command = json.loads(argv[0]), argv[argv.index("--") + 1:]
    limits = Limits(**settings["limits"])
    for kind, value in [(resource.RLIMIT_DATA, limits.memory), (resource.RLIMIT_NPROC, limits.processes),
                        (resource.RLIMIT_FSIZE, limits.file_size), (resource.RLIMIT_CORE, 0)]:
        resource.setrlimit(kind, (value, value))
    if settings["uid"] is not None and os.getuid() == 0:
        os.setgroups([])
        os.setgid(settings["uid"])
        os.setuid(settings["uid"])
    os.execv(command[0], command)


if __name__ == "__main__":
    main()
