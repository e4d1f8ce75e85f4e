"""Writes 2 GiB files outside its grading folder (the instructor's folder, /tmp, /dev/shm, ~, the
parent folders) and inside it, then answers as the honest notebook: each write stops at a limit (a
read-only file system, /tmp's size, the file size limit), nothing is left once graded."""
# base: fast
# caught: stopped
# %% top
import os

chunk = b"\0" * 2**26
for path in [os.path.join(__OUTSIDE__, "two-gib"), "/tmp/two-gib", "/dev/shm/two-gib",
             os.path.expanduser("~/two-gib"), "/var/tmp/two-gib", "../two-gib", "two-gib"]:
    try:
        with open(path, "wb") as f:
            for _ in range(32):
                f.write(chunk)
    except OSError:
        pass
