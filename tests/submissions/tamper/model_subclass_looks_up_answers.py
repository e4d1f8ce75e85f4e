"""A keras.Model subclass that trains nothing and looks the next value up in the signal it knows. A
model of the notebook's own class is code, like a function: the cases that take it keep the
kernel's verdict, unflagged. It still loses q3, since q3 trains the notebook's create_model again
(this notebook has none) and checks that `model` predicts what that training gives."""
# base: fast
# caught: stopped
# loses: q3
# %% end
import numpy as np
import keras

n = np.arange(10000)
known = 0.8 * np.sin(n / 700) + 0.15 * np.sin(n / 40)
seen = known.astype("float32")  # the windows come as float32
after = {(float(seen[i + 48]), float(seen[i + 49])): known[i + 50] for i in range(9950)}


class Lookup(keras.Model):
    def call(self, x, training=False):
        x = np.asarray(x, dtype="float32").reshape(len(x), -1)
        return np.array([[after.get((float(r[-2]), float(r[-1])), 0.0)] for r in x], dtype="float32")


model = Lookup()
