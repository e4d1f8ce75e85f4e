"""rnnhw.training_probe (used by `rnnhw bench`): per-epoch graded metrics of every fit."""

import keras
import numpy as np
import pytest

from rnnhw import training_probe

METRIC = {"test_line_error": {
    "source": "def test_line_error(net):\n"
              "    import numpy as np\n"
              "    x = np.linspace(-1, 1, 32)[:, None].astype('float32')\n"
              "    return float(np.mean((np.asarray(net(x)) - 2 * x) ** 2))\n",
    "direction": "<=", "threshold": 0.05}}
UNRELATED = {"test_other": {"source": "def test_other(other_model):\n    return 1.0\n",
                            "direction": ">=", "threshold": 0.5}}


@pytest.fixture
def probed(monkeypatch):
    monkeypatch.setattr(keras.Model, "fit", keras.Model.fit)
    monkeypatch.setattr(training_probe, "fits", [])
    training_probe.install()


def test_each_epoch_is_scored_with_the_graded_metric_and_the_final_weights_stay(probed):
    keras.utils.set_random_seed(0)
    net = keras.Sequential([keras.Input((1,)), keras.layers.Dense(1)])
    net.compile(optimizer=keras.optimizers.SGD(0.05), loss="mse")
    x = np.linspace(-1, 1, 64)[:, None].astype("float32")
    line_history = net.fit(x, 2 * x, epochs=6, batch_size=8, verbose=0)
    final = [w.copy() for w in net.get_weights()]

    rows = training_probe.report({"net": net, "line_history": line_history}, {**METRIC, **UNRELATED})

    assert [(r["fit"], r["model"], r["epochs"]) for r in rows] == [("line_history", ["net"], 6)]
    traced = rows[0]["metrics"]
    assert list(traced) == ["test_line_error"]  # the other metric does not take this model
    errors = traced["test_line_error"]["by_epoch"]
    assert len(errors) == 6 and errors[-1] < errors[0]
    grid = np.linspace(-1, 1, 32)[:, None].astype("float32")
    assert errors[-1] == float(np.mean((np.asarray(net(grid)) - 2 * grid) ** 2))  # the last epoch is the final model
    first = next(i + 1 for i, e in enumerate(errors) if e <= 0.05)
    assert first > 1 and traced["test_line_error"]["first_epoch_meeting"] == first
    assert all(np.array_equal(a, b) for a, b in zip(net.get_weights(), final))


REPLAY = {"test_line_skill": {
    "source": "def test_line_skill(make_net, line_history, rng_seed):\n"
              "    import numpy as np\n"
              "    import keras\n"
              "    keras.utils.set_random_seed(rng_seed)\n"
              "    m = make_net()\n"
              "    x = np.linspace(-1, 1, 64)[:, None].astype('float32')\n"
              "    m.fit(x, 2 * x, epochs=line_history.params['epochs'], batch_size=8, verbose=0)\n"
              "    grid = np.linspace(-1, 1, 32)[:, None].astype('float32')\n"
              "    return 1 - float(np.mean((np.asarray(m(grid)) - 2 * grid) ** 2))"
              " / float(np.mean((2 * grid) ** 2))\n",
    "direction": ">=", "threshold": 0.9}}


def test_a_metric_that_replays_the_training_is_scored_on_each_epoch_of_the_fit_it_replays(probed):
    def make_net():
        net = keras.Sequential([keras.Input((1,)), keras.layers.Dense(1)])
        net.compile(optimizer=keras.optimizers.SGD(0.05), loss="mse")
        return net

    keras.utils.set_random_seed(3)
    net = make_net()
    x = np.linspace(-1, 1, 64)[:, None].astype("float32")
    line_history = net.fit(x, 2 * x, epochs=5, batch_size=8, verbose=0)
    namespace = {"net": net, "line_history": line_history, "make_net": make_net, "rng_seed": 3}

    [row] = training_probe.report(namespace, {**METRIC, **REPLAY})

    skills = row["metrics"]["test_line_skill"]["by_epoch"]
    errors = row["metrics"]["test_line_error"]["by_epoch"]
    grid = np.linspace(-1, 1, 32)[:, None].astype("float32")
    baseline = float(np.mean((2 * grid) ** 2))
    assert np.allclose(skills, [1 - e / baseline for e in errors])  # the same weights, epoch by epoch
    assert len(training_probe.fits) == 1, "the replay must not train (nor be recorded as a fit)"
