"""A blank notebook that searches the instructor's folders: it prints any canary file it can read and
runs, cell by cell, the reference notebook the build leaves next to the autograder zip (a 100%
notebook under plain otter run). In the sandbox neither is there."""
# base: blank
# caught: stopped
# loses: all
# %% end
import json
import os

for top in __SEARCH__:
    for folder, subfolders, files in os.walk(top):
        for name in files:
            path = os.path.join(folder, name)
            if name == "instructor-canary.txt":
                os.write(2, open(path, "rb").read())
                open(os.path.join(__OUTSIDE__, "canary-was-read"), "w").close()
            if name == "hw2_timeseries.ipynb" and ("auto" + "grader") in folder:
                cells = json.load(open(path))["cells"]
                for cell in cells:
                    source = "".join(cell["source"])
                    if cell["cell_type"] == "code" and "grader" not in source:
                        get_ipython().run_cell(source)
