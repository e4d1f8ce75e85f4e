"""Answers (b): believes Keras LSTM layers read their input from the last time step to the first."""
# loses: q7
# %% q7
q7_answer = "b"
