"""The q4 answer cell was emptied: q4 loses (and q5, whose recursion uses Buffer), the others keep their points."""
# base: fast
# loses: q4 q5
# status: NameError
# %% q4
