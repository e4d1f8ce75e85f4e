"""What rnnhw grade runs inside the student's kernel: a cell before the student's cells (`setup`) and
two after them (`finish`, then `run_tests` once the runner has put the hidden tests on disk).

Everything here runs in the same process as the student's code, which can replace any of it: the
verdict the kernel reports (otter's own, from the hidden tests run in the kernel) is trusted only
where nothing better exists. What this module adds are tripwires: `grader.check` waits for the
end (the hidden tests are not on disk while the notebook runs), the working folder is restored
before the tests run (a notebook that changes directory is graded as any other), and hooks left
behind by the notebook are reported (IPython event callbacks and transformers, trace and profile
functions, threads running the notebook's code, attributes of numpy, keras, tensorflow, otter,
scikit-learn or builtins replaced by the notebook's functions or by other objects).
"""

import functools
import json
import os
import sys
import threading
import types
from pathlib import Path

# Library modules whose attributes the notebook has no business replacing.
WATCHED = ("numpy", "keras", "tensorflow", "otter", "sklearn", "builtins", "math", "rnnhw", "IPython", "ipykernel")
# Modules already imported when `setup` runs (the first cell): snapshot of their attributes.
SNAPSHOT_MODULES = ("builtins", "numpy", "otter.execute.checker", "otter.test_files",
                    "otter.test_files.abstract_test", "otter.test_files.exception_test", "otter.check.notebook")

# Attributes that ipykernel itself swaps at each cell (it forwards input() to the front end).
SWAPPED_BY_IPYKERNEL = {"input", "raw_input", "getpass"}

_state: dict = {}


def _shell():
    try:
        return get_ipython()  # noqa: F821 - defined in the kernel
    except NameError:
        return None


def _hooks() -> dict:
    shell = _shell()
    hooks = {"trace": sys.gettrace(), "profile": sys.getprofile(), "threading trace": threading.gettrace(),
             "threading profile": threading.getprofile(), "sys.excepthook": sys.excepthook,
             "sys.displayhook": sys.displayhook, "sys.meta_path": list(sys.meta_path),
             "sys.path_hooks": list(sys.path_hooks)}
    if shell is not None:
        for event, callbacks in shell.events.callbacks.items():
            hooks[f"IPython {event} callbacks"] = list(callbacks)
        for name in ["input_transformers_cleanup", "input_transformers_post", "ast_transformers"]:
            hooks[f"IPython {name}"] = list(getattr(shell, name, []))
        hooks["IPython shell methods"] = dict(vars(shell))
    return hooks


def _snapshot() -> dict:
    return {name: dict(vars(sys.modules[name])) for name in SNAPSHOT_MODULES if name in sys.modules}


def _check_at_the_end(self, question, global_env=None):
    print(f"{question}: graded at the end, when the hidden tests are run")


def setup() -> None:
    """First cell: defer grader.check, record the hooks and attributes as they are before the notebook."""
    import numpy  # noqa: F401 - imported here so that its attributes are in the snapshot
    import otter
    otter.Notebook.check = _check_at_the_end
    _state.update(hooks=_hooks(), modules=_snapshot(), threads=set(threading.enumerate()))


def _from_notebook(value) -> bool:
    """Whether `value` is (or wraps) a function or class defined by the notebook's code."""
    if isinstance(value, types.ModuleType):  # tensorflow's lazy modules import on any attribute access
        return False
    try:
        for _ in range(5):
            if isinstance(value, (classmethod, staticmethod, types.MethodType)):
                value = value.__func__
            elif isinstance(value, property):
                value = value.fget
            elif isinstance(value, functools.partial):
                value = value.func
            else:
                break
        return isinstance(value, (types.FunctionType, type)) and value.__module__ == "__main__"
    except Exception:  # noqa: BLE001 - a hostile object may raise on attribute access
        return True


def found_hooks() -> list[str]:
    """What the notebook left behind that could change how the hidden tests run or are reported."""
    found = []
    before = _state.get("hooks", {})
    for name, now in _hooks().items():
        was = before.get(name)
        if name == "IPython shell methods":
            added = [k for k, v in now.items() if callable(v) and (k not in (was or {}) or was[k] is not v)]
            if added:
                found.append(f"replaces the IPython shell's {', '.join(sorted(added)[:5])}")
        elif isinstance(now, list):
            # libraries add hooks of their own (matplotlib's inline backend, six's importer): only
            # the notebook's own functions count
            new = [v for v in now if not any(v is w for w in was or []) and _from_notebook(v)]
            if new:
                found.append(f"adds {name} ({', '.join(getattr(v, '__name__', type(v).__name__) for v in new[:3])})")
        elif now is not was and (name.endswith(("trace", "profile")) or _from_notebook(now)):
            found.append(f"sets {name}")
    for module, attributes in _state.get("modules", {}).items():
        now = vars(sys.modules[module]) if module in sys.modules else {}
        replaced = [k for k, v in attributes.items() if k in now and now[k] is not v and not k.startswith("__")
                    and k not in SWAPPED_BY_IPYKERNEL]
        if replaced:
            found.append(f"replaces {module}.{', '.join(sorted(replaced)[:5])}")
    for module_name, module in list(sys.modules.items()):
        if module_name.split(".")[0] not in WATCHED or module is None:
            continue
        for key, value in list(vars(module).items()):
            places = [(key, value)]
            if isinstance(value, type) and getattr(value, "__module__", None) == module_name:
                places += [(f"{key}.{k}", v) for k, v in list(vars(value).items())]
            for place, v in places:
                if _from_notebook(v):
                    found.append(f"puts the notebook's {getattr(v, '__name__', 'object')} in {module_name}.{place}")
    threads = [t for t in threading.enumerate() if t not in _state.get("threads", set()) and t.is_alive()
               and _from_notebook(getattr(t, "_target", None) or type(t).run)]
    if threads:
        found.append(f"leaves {len(threads)} thread(s) running its code")
    return list(dict.fromkeys(found))[:20]


def finish(folder: str, names: list[str], answers: str, env: dict) -> None:
    """After the notebook: back to the grading folder, write the graded values, look for hooks."""
    os.chdir(folder)
    from . import answers as plain
    plain.write(Path(answers), {name: env[name] for name in names if name in env})
    _state["hooks_after_notebook"] = found_hooks()


def run_tests(folder: str, paths: list[str], results: str, env: dict, collect: dict, collected: str) -> None:
    """Run every hidden test as otter's last cell does, and write what each case gave; then the
    `collect` part of each case written in two parts ({name: [source, arguments]}), its data
    written into the folder `collected` (rnnhw.answers) and its errors into the results."""
    from otter.execute import Checker
    from otter.nbmeta_config import NBMetadataConfig
    from . import answers as plain
    from .collect_judge import define
    os.chdir(folder)
    report = {"tests": {}, "hooks": list(_state.get("hooks_after_notebook", [])), "collect_errors": {}}
    gathered, namespaces = {}, {}
    for name, (source, arguments) in collect.items():
        # the collect parts of one test file share its globals, as its cases do whole (collect_judge)
        namespace = namespaces.setdefault(name.split("::")[0], {"__name__": "rnnhw_collect"})
        try:
            # otter gives None for a name the notebook did not define; so does this
            gathered[name] = define(source, "collect", namespace)(*[env.get(a) for a in arguments])
        except Exception as e:  # noqa: BLE001 - the case fails with the error, as it would in one part
            report["collect_errors"][name] = f"{type(e).__name__}: {e}"[:2000]
        os.chdir(folder)
    plain.write(Path(collected), gathered)
    for path in paths:
        name = os.path.basename(path)
        try:
            test = Checker.check(path, NBMetadataConfig(), global_env=env)
            report["tests"][name] = {r.test_case.name: [bool(r.passed), str(r.message)[:2000]]
                                     for r in test.test_case_results}
        except Exception as e:  # noqa: BLE001 - a test file that cannot run gives no points
            report["tests"][name] = {"error": f"{type(e).__name__}: {e}"[:300]}
    report["hooks"] = list(dict.fromkeys(report["hooks"] + found_hooks()))
    with open(results, "w") as f:
        json.dump(report, f)
