"""The kernel kills itself with SIGKILL (as the OOM killer would): 0 and the reason."""
# base: fast
# loses: all
# status: kernel died
# %% top
import os
import signal
os.kill(os.getpid(), signal.SIGKILL)
