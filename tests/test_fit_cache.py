"""Reused training (rnnhw.validation.fit_cache, validation kernels only) is exact: a fit whose inputs
match an earlier one ends in the same weights, history and random state as training again would; any
difference in its inputs trains for real."""

import random

import numpy as np
import pytest

keras = pytest.importorskip("keras")
tf = pytest.importorskip("tensorflow")

from rnnhw.validation import fit_cache  # noqa: E402

X = np.random.default_rng(0).normal(size=(64, 4)).astype("float32")
Y = X.sum(axis=1)


def train(seed, y=Y, epochs=3):
    """Seed, build, fit, then draw from every generator a later cell could use."""
    keras.backend.clear_session()  # as between two submissions in a validation kernel
    keras.utils.set_random_seed(seed)
    model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(8, activation="relu"),
                              keras.layers.Dropout(0.3), keras.layers.Dense(1)])
    model.compile(optimizer="adam", loss="mse")
    history = model.fit(X, y, epochs=epochs, batch_size=16, verbose=0)
    layer = keras.layers.Dense(2)
    layer.build((None, 3))
    later = [random.random(), np.random.rand(), float(keras.random.uniform(())), float(tf.random.uniform(())),
             np.asarray(layer.kernel).tolist(), int(np.asarray(model.optimizer.iterations)),
             model.history is history]  # Keras keeps the last fit's History on the model
    return model.get_weights(), history.history, later


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setattr(keras.Model, "fit", keras.Model.fit)  # restored after the test
    fit_cache.install(str(tmp_path))
    fit_cache.stats.update(reused=0, trained=0)
    return fit_cache.stats


def same(a, b):
    weights_a, history_a, later_a = a
    weights_b, history_b, later_b = b
    return (all(np.array_equal(u, v) for u, v in zip(weights_a, weights_b)) and history_a == history_b
            and later_a == later_b)


def test_reused_training_equals_training_again(monkeypatch, tmp_path):
    trained_twice = [train(7), train(7)]
    assert same(*trained_twice), "training is not deterministic here, so reuse could not be exact"
    monkeypatch.setattr(keras.Model, "fit", keras.Model.fit)
    fit_cache.install(str(tmp_path))
    fit_cache.stats.update(reused=0, trained=0)
    first, second = train(7), train(7)
    assert fit_cache.stats == {"reused": 1, "trained": 1}
    assert same(first, trained_twice[0]) and same(second, trained_twice[0])


@pytest.mark.parametrize("change", [dict(seed=8), dict(y=Y * 2), dict(epochs=2)])
def test_any_other_input_trains_again(cache, change):
    train(7)
    train(**{"seed": 7, **change})
    assert cache == {"reused": 0, "trained": 2}


def test_fits_it_cannot_fingerprint_train(cache):
    """Callbacks, and datasets whose elements are not the same at every pass: a shuffled one, an
    endless one. Each is fitted twice from the same seed, model and data."""
    def fresh(data=None):
        keras.utils.set_random_seed(1)
        model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(1)])
        model.compile(optimizer="adam", loss="mse")
        return model, data and data()

    for _ in range(2):
        model, shuffled = fresh(lambda: tf.data.Dataset.from_tensor_slices((X, Y)).shuffle(64).batch(16))
        model.fit(shuffled, epochs=1, verbose=0)
        model, endless = fresh(lambda: tf.data.Dataset.from_tensor_slices((X, Y)).batch(16).repeat())
        model.fit(endless, epochs=1, steps_per_epoch=4, verbose=0)
        model, _ = fresh()
        model.fit(X, Y, epochs=1, verbose=0, callbacks=[keras.callbacks.History()])
    assert cache == {"reused": 0, "trained": 6}


def test_a_dataset_that_gives_the_same_batches_at_every_pass_reuses_the_training(monkeypatch, tmp_path):
    """hw3 trains on `train_ds.repeat(10)`, windows in order: fingerprinted by the batches it gives."""
    def train_on_dataset(y=Y):
        keras.backend.clear_session()
        keras.utils.set_random_seed(3)
        model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(8, activation="relu"), keras.layers.Dense(1)])
        model.compile(optimizer="adam", loss="mse")
        history = model.fit(tf.data.Dataset.from_tensor_slices((X, y)).batch(16).repeat(2), epochs=2, verbose=0)
        return model.get_weights(), history.history, [float(keras.random.uniform(())), float(tf.random.uniform(()))]

    trained = train_on_dataset()
    monkeypatch.setattr(keras.Model, "fit", keras.Model.fit)
    fit_cache.install(str(tmp_path))
    fit_cache.stats.update(reused=0, trained=0)
    first, second = train_on_dataset(), train_on_dataset()
    assert fit_cache.stats == {"reused": 1, "trained": 1}
    assert same(first, trained) and same(second, trained)
    train_on_dataset(y=Y * 2)
    assert fit_cache.stats == {"reused": 1, "trained": 2}, "other batches must train"


def test_the_same_architecture_built_again_under_other_names_reuses_the_training(cache):
    """A hidden test that replays a student's training builds the model a second time in the same
    kernel, where Keras names its layers dense_1, dense_2...: the training is the same."""
    def replay():
        keras.utils.set_random_seed(5)
        model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(8, activation="relu"), keras.layers.Dense(1)])
        model.compile(optimizer="adam", loss="mse")
        model.fit(X, Y, epochs=2, batch_size=16, verbose=0)
        return model

    keras.backend.clear_session()
    first, again = replay(), replay()
    assert [layer.name for layer in first.layers] != [layer.name for layer in again.layers]
    assert cache == {"reused": 1, "trained": 1}
    assert all(np.array_equal(a, b) for a, b in zip(first.get_weights(), again.get_weights()))
    keras.utils.set_random_seed(5)
    wider = keras.Sequential([keras.Input((4,)), keras.layers.Dense(9, activation="relu"), keras.layers.Dense(1)])
    wider.compile(optimizer="adam", loss="mse")
    wider.fit(X, Y, epochs=2, batch_size=16, verbose=0)
    assert cache == {"reused": 1, "trained": 2}, "another architecture must train"


def test_a_model_without_weights_yet_trains_for_real(cache):
    """A subclassed keras.Model creates its weights in its first call, inside fit: there are no
    starting weights to compare, and none that reused weights could be set into."""
    class Line(keras.Model):
        def __init__(self):
            super().__init__()
            self.dense = keras.layers.Dense(1)

        def call(self, x):
            return self.dense(x)

    for build_first in [False, False, True, True]:
        keras.utils.set_random_seed(5)
        model = Line()
        if build_first:  # built, yet still without weights: hw1's right/subclassed_models does this
            model.build((None, 4))
        model.compile(optimizer="adam", loss="mse")
        model.fit(X, Y, epochs=1, batch_size=16, verbose=0)
        assert model.built and len(model.get_weights()) == 2
    assert cache == {"reused": 0, "trained": 4}


@pytest.mark.slow  # two kernels
@pytest.mark.parametrize("with_cache", [True, False])
def test_a_validation_kernel_reuses_training_only_with_a_cache(fresh_build, tmp_path, with_cache):
    """The off switch (`rnnhw validate --no-fit-cache`): without a cache folder, fit is Keras' own."""
    from rnnhw import autograder_zip
    from rnnhw.validation.shared_kernel import SharedKernel
    with SharedKernel(autograder_zip("hw2_timeseries", fresh_build), tmp_path if with_cache else None) as kernel:
        cell = kernel._run("import keras\nprint(keras.Model.fit.__module__)")
        printed = "".join(o.get("text", "") for o in cell.outputs).strip()
        keras_fit = "keras.src.backend.tensorflow.trainer"
        assert printed == ("rnnhw.validation.fit_cache" if with_cache else keras_fit), printed
        assert kernel.fits() == ({"reused": 0, "trained": 0} if with_cache else {})
