"""Three broken cells at the top: one raises, one calls sys.exit(), one asks for 30 GB (the memory cap
refuses it: MemoryError, the machine stays up). IPython turns each into an error in its cell; the
notebook goes on and the answers below keep their points."""
# base: fast
# loses:
# status: RuntimeError | SystemExit | MemoryError
# %% top
raise RuntimeError("this cell was left broken at the top")
# %% top
import sys
sys.exit()
# %% top
import numpy as np
too_big = np.ones((30 * 2**30,), dtype=np.uint8)
