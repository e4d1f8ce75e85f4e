"""Wrong answers whose comparisons always succeed: q6_answer is a str subclass equal to anything, the
q2 split an ndarray subclass of zeros equal and close to anything. Tests that coerce (np.asarray,
`type(x) is str`) already fail them in the kernel; where one compares as it is, the kernel passes it,
and outside the kernel the values are a plain str and plain arrays: the case fails there."""
# base: fast
# caught: stopped
# loses: q2 q6
# %% q2
class Close(np.ndarray):
    def __eq__(self, other):
        return np.ones(np.shape(other), dtype=bool)

    def __array_ufunc__(self, ufunc, method, *inputs, **kwargs):
        return np.True_

    def __array_function__(self, func, types, args, kwargs):
        return True


nb_train = 9000
X_train = np.zeros((9000, 50)).view(Close)
T_train = np.zeros(9000).view(Close)
X_test = np.zeros((950, 50)).view(Close)
T_test = np.zeros(950).view(Close)
# %% end
class Anything(str):
    def __eq__(self, other):
        return True

    __hash__ = str.__hash__


q6_answer = Anything("z")
