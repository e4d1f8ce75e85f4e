"""os._exit(1) ends the kernel: nothing can be graded, 0 and the reason."""
# base: fast
# loses: all
# status: kernel died
# %% top
import os
os._exit(1)
