"""NOT CAUGHT, a known hole kept so that it is seen: create_model returns a keras.Model subclass that
learns nothing and looks the next value up in the signal the notebook knows (a Dense layer times 0
gives fit something to train). q3's skill and trained-as-asked cases replay create_model's training
and judge the forecasts of what it builds; a model of the notebook's own class can only run in the
kernel, so its forecasts are the kernel's, and they are the signal's own values. It earns those two
points with a wrong answer (test_tamper.py checks that it still does: when it stops, this hole is
closed and the README must say so). A test series the notebook never sees would close it. The
status says which cases were graded on what the kernel computed."""
# base: fast
# caught: no
# loses: q3
# status: graded in the kernel only
# %% q3
import numpy as np

known = 0.8 * np.sin(np.arange(10000) / 700) + 0.15 * np.sin(np.arange(10000) / 40)
seen = known.astype("float32")  # the windows come as float32
after = {(float(seen[i + 48]), float(seen[i + 49])): known[i + 50] for i in range(9950)}


class Lookup(keras.Model):
    def __init__(self):
        super().__init__()
        self.flat, self.dense = keras.layers.Flatten(), keras.layers.Dense(1)

    def call(self, x, training=False):
        rows = np.asarray(x, dtype="float32").reshape(len(x), -1)
        looked = np.array([[after.get((float(r[-2]), float(r[-1])), r[-1])] for r in rows], dtype="float32")
        return self.dense(self.flat(x)) * 0.0 + looked


def create_model(window):
    net = Lookup()
    net.compile(loss="mse", optimizer="adam", run_eagerly=True)
    return net
# %% q3
keras.utils.set_random_seed(rng_seed)
model = create_model(window)
history = model.fit(X_train[..., None], T_train, epochs=1, batch_size=128, verbose=0)
