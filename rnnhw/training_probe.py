"""Traces a notebook's training for `rnnhw bench`: seconds per epoch of every fit, and after which
epoch the graded metric (the hidden threshold test's own code) first met its threshold.

Runs inside a kernel executing the reference: `install()` before the notebook, `report(...)` after.
It wraps `keras.Model.fit` to time each call and keep the model's weights after every epoch; the
report puts each epoch's weights back in turn and evaluates the threshold metrics that take that
model, then restores the final weights. A metric that replays the training itself (it takes the
fit's History, whose epochs it replays with the student's model factory) is evaluated with its
`fit` giving the weights kept after each epoch: the replay trains exactly as the notebook did, so
those are the weights it would reach.
"""

import contextlib
import inspect
import time

import keras

fits: list[dict] = []


class _KeepWeights(keras.callbacks.Callback):
    def __init__(self, kept: list):
        super().__init__()
        self.kept = kept

    def on_epoch_end(self, epoch, logs=None):
        self.kept.append(self.model.get_weights())


def install() -> None:
    original_fit = keras.Model.fit

    def timed_fit(model, *args, **kwargs):
        record = {"model": model, "weights": []}
        kwargs["callbacks"] = [*(kwargs.get("callbacks") or []), _KeepWeights(record["weights"])]
        start = time.perf_counter()
        record["history"] = original_fit(model, *args, **kwargs)
        record["seconds"] = time.perf_counter() - start
        fits.append(record)
        return record["history"]

    keras.Model.fit = timed_fit


def _names(namespace: dict, value) -> list[str]:
    return [name for name, v in namespace.items() if v is value and not name.startswith("_")]


@contextlib.contextmanager
def _fit_gives(weights: list):
    """While inside, `fit` sets `weights` instead of training (a replay reaching that epoch)."""
    fit = keras.Model.fit

    def load(model, *args, **kwargs):
        model.set_weights(weights)
        history = keras.callbacks.History()
        history.set_model(model)
        return history

    keras.Model.fit = load
    try:
        yield
    finally:
        keras.Model.fit = fit


def report(namespace: dict, metric_sources: dict[str, dict]) -> list[dict]:
    """One row per fit. `metric_sources`: rnnhw.calibrate.threshold_tests' entries (a function that
    returns the graded metric, its direction and threshold); a metric is traced on a fit when one of
    its parameters names the fitted model or the fit's History (a replay)."""
    metrics = {}
    for name, test in metric_sources.items():
        scope = {}
        exec(test["source"], scope)
        metrics[name] = (scope[name], test)
    rows = []
    for number, record in enumerate(fits, start=1):
        model, epochs = record["model"], len(record["weights"])
        model_names = _names(namespace, model)
        label = (_names(namespace, record["history"]) or [f"fit {number} of {'/'.join(model_names) or 'a model'}"])[0]
        row = {"fit": label, "model": model_names, "epochs": epochs,
               "seconds_per_epoch": record["seconds"] / max(epochs, 1), "metrics": {}}
        final = model.get_weights()
        history_names = _names(namespace, record["history"])
        for name, (function, test) in metrics.items():
            parameters = list(inspect.signature(function).parameters)
            replays = not set(parameters) & set(model_names)
            if replays and not set(parameters) & set(history_names):
                continue
            values = []
            for weights in record["weights"]:
                model.set_weights(weights)
                with _fit_gives(weights) if replays else contextlib.nullcontext():
                    values.append(float(function(*[namespace.get(p) for p in parameters])))
            meets = [v >= test["threshold"] if test["direction"] == ">=" else v <= test["threshold"] for v in values]
            row["metrics"][name] = {"direction": test["direction"], "threshold": test["threshold"], "by_epoch": values,
                                    "first_epoch_meeting": meets.index(True) + 1 if True in meets else None}
        model.set_weights(final)
        rows.append(row)
    return rows
