"""Answers (d): believes only left padding gives every sentence the same length."""
# loses: q7
# %% q7
q7_answer = "d"
