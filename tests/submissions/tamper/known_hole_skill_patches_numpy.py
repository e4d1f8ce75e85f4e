"""NOT CAUGHT, a known hole kept so that it is seen: a model that is not the one Q3 asks for, trained
for one epoch, with numpy's mean replaced (through numpy's own dictionary) by a function that gives
0 for the model's error when q3's skill test calls it, and rnnhw's hook check switched off the same
way. The skill test takes create_model and replays its training: it runs only in the kernel, after
this code; no name the scan knows is used. It earns q3's points with a wrong answer (test_tamper.py
checks that it still does: when it stops, this hole is closed and the README must say so)."""
# base: fast
# caught: no
# loses: q3
# %% q3
def create_model(window):
    inputs = keras.Input((window, 1))
    net = keras.Model(inputs, keras.layers.Dense(1)(keras.layers.Flatten()(inputs)))
    net.compile(loss="mse", optimizer="adam")
    return net
# %% q3
import sys
import rnnhw.in_kernel

keras.utils.set_random_seed(rng_seed)
model = create_model(window)
history = model.fit(X_train[..., None], T_train, epochs=1, batch_size=128, verbose=0)

numpy_names = getattr(np, "__di" + "ct__")
real_mean = numpy_names["mean"]
calls = []


def mean(*args, **kwargs):
    caller = sys._getframe(1).f_code
    if caller.co_filename.endswith("q" + "3.py") and caller.co_name.endswith("skill"):
        calls.append(caller)
        if len(calls) > 1:  # the first is the persistence baseline's error, the next the model's
            return 0.0
    return real_mean(*args, **kwargs)


numpy_names["mean"] = mean
getattr(rnnhw.in_kernel, "__di" + "ct__")["found_hooks"] = list
