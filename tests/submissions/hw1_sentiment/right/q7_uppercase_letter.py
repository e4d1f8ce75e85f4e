"""Answers the right letter in upper case with spaces around it (" C ")."""
# %% q7
q7_answer = " C "
