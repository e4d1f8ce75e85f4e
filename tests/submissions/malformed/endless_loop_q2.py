"""The q2 cell loops forever: it is interrupted at the cell limit, q2 loses, the rest is graded."""
# base: fast
# loses: q2
# status: interrupted
# %% q2
nb_train = 9000
while True:
    pass
