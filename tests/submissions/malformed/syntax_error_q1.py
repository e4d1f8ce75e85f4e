"""The q1 answer does not parse; q2 slices X from q1, so it loses too; the rest keeps its points."""
# base: fast
# loses: q1 q2
# status: SyntaxError
# %% q1
window = 50

X = np.lib.stride_tricks.sliding_window_view(signal, window)[:-1].copy(
t = signal[window:].copy()
