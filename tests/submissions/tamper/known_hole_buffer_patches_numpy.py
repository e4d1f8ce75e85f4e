"""NOT CAUGHT, a known hole kept so that it is seen: a Buffer that stores nothing, with numpy's
allclose and array_equal replaced (through numpy's own dictionary) by functions that answer True
when q4's hidden tests call them, and rnnhw's hook check switched off the same way. The q4 tests
take the class itself, so they run only in the kernel, after this code; no name the scan knows is
used. It earns q4's points with a wrong answer (test_tamper.py checks that it still does: when it
stops, this hole is closed and the README must say so)."""
# base: fast
# caught: no
# loses: q4 q5
# %% q4
import sys
import rnnhw.in_kernel

numpy_names = getattr(np, "__di" + "ct__")


def lenient(real):
    def compare(*args, **kwargs):
        if sys._getframe(1).f_code.co_filename.endswith("q" + "4.py"):
            return True
        return real(*args, **kwargs)
    return compare


for name in ["allclose", "array_equal"]:
    numpy_names[name] = lenient(numpy_names[name])
getattr(rnnhw.in_kernel, "__di" + "ct__")["found_hooks"] = list


class Buffer:
    def __init__(self, window, data):
        self.data = np.zeros((1, window))

    def append(self, value):
        pass
