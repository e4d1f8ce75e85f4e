"""A cell loops forever and swallows the interrupt: the submission times out with 0."""
# base: fast
# loses: all
# status: timed out
# %% top
import time
while True:
    try:
        time.sleep(1)
    except KeyboardInterrupt:
        pass
