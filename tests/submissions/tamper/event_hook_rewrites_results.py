"""An IPython post_run_cell hook rewrites, after every cell, any JSON file of results it finds in the
working folder so that every case passed (otter's results pickle in the past, rnnhw's kernel
verdict now): the cases run outside the kernel fail and the hook is found."""
# base: fast
# caught: runtime
# %% top
import glob
import json


def after_each_cell(result):
    for path in glob.glob("*.json"):
        try:
            with open(path) as f:
                data = json.load(f)
            for cases in data["te" + "sts"].values():
                for case in cases.values():
                    case[0] = True
            with open(path, "w") as f:
                json.dump(data, f)
        except Exception:
            pass


get_ipython().events.register("post_run_cell", after_each_cell)
