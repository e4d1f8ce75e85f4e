"""Changes directory after its answers (a student tidying files; otter's last cell then read the tests
by a relative path and the notebook got 0, "Ran out of input"): the hidden tests run from the
grading folder, and every answer keeps its points."""
# base: fast
# loses:
# status: Completed
# %% end
import os
os.makedirs("/tmp/elsewhere", exist_ok=True)
os.chdir("/tmp/elsewhere")
