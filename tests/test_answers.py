"""Graded values go from the student's kernel to the verify stage as plain files (rnnhw/answers.py):
they come back as exact types, and nothing the kernel can put in the folder runs code or reads
outside it when it is read."""

import json
import os

import numpy as np
import pytest

from rnnhw import answers


class AlwaysEqual(str):
    def __eq__(self, other):
        return True

    __hash__ = str.__hash__


class AlwaysClose(np.ndarray):
    def __array_ufunc__(self, *args, **kwargs):
        return np.bool_(True)


def round_trip(tmp_path, values):
    """What the verify stage reads of `values`: (values, problems); no model of the notebook's classes."""
    answers.write(tmp_path, values)
    read, problems, notebook_models = answers.read(tmp_path)
    assert not notebook_models
    return read, problems


def test_plain_values_come_back_as_exact_types(tmp_path):
    values = {"s": "b", "i": 3, "f": 0.5, "b": True, "n": None, "l": [1, "a", (2.0, None)],
              "d": {"x": [1, 2], 3: "y"}, "a": np.arange(6.0).reshape(2, 3), "scalar": np.float64(1.5),
              "cheat": AlwaysEqual("z"), "array cheat": np.zeros(3).view(AlwaysClose), "unanswered": ...}
    read, problems = round_trip(tmp_path, values)
    assert not problems
    assert read["unanswered"] is Ellipsis  # a blank answer is a value: its cases fail outside too
    assert read["s"] == "b" and read["l"] == [1, "a", (2.0, None)] and read["d"] == {"x": [1, 2], 3: "y"}
    assert type(read["scalar"]) is np.float64 and type(read["a"]) is np.ndarray
    assert type(read["cheat"]) is str and read["cheat"] != "b"
    assert type(read["array cheat"]) is np.ndarray and not np.allclose(read["array cheat"], 1)


def test_objects_that_are_not_values_are_read_as_missing_and_named(tmp_path):
    read, problems = round_trip(tmp_path, {"f": lambda: 1, "o": object(), "objects": np.array([object()])})
    assert read == {} and set(problems) == {"f", "o", "objects"}
    assert problems["o"].startswith("not plain data"), problems


def test_libraries_objects_are_rebuilt(tmp_path):
    import keras
    import tensorflow as tf
    from sklearn.preprocessing import MinMaxScaler
    model = keras.Sequential([keras.Input((4, 1)), keras.layers.LSTM(3), keras.layers.Dense(1)])
    model.compile(optimizer="adam", loss="mse")
    history = model.fit(np.zeros((8, 4, 1)), np.zeros(8), epochs=2, verbose=0)
    dataset = tf.data.Dataset.from_tensor_slices((np.arange(10.0), np.arange(10.0))).batch(4)
    scaler = MinMaxScaler().fit(np.array([[-1.0], [3.0]]))
    read, problems = round_trip(tmp_path, {"model": model, "history": history, "ds": dataset, "scaler": scaler,
                                           "tensor": tf.constant([1.0, 2.0])})
    assert not problems
    x = np.random.default_rng(0).normal(size=(2, 4, 1))
    assert np.allclose(read["model"].predict(x, verbose=0), model.predict(x, verbose=0))
    assert isinstance(read["history"], keras.callbacks.History) and len(read["history"].history["loss"]) == 2
    assert [len(b) for _, b in read["ds"]] == [4, 4, 2]
    assert np.allclose(read["scaler"].transform([[1.0]]), [[0.5]])
    assert isinstance(read["tensor"], tf.Tensor)


def test_a_model_of_the_notebooks_classes_is_named_not_saved(tmp_path):
    import keras

    class LooksUp(keras.Model):
        def call(self, x):
            return x[:, -1]

    class Doubles(keras.layers.Layer):
        def call(self, x):
            return 2 * x

    LooksUp.__module__ = Doubles.__module__ = "__main__"  # as if defined in the notebook
    lambda_model = keras.Sequential([keras.Input((2,)), keras.layers.Lambda(lambda x: x * 0 + 1)])
    layer_model = keras.Sequential([keras.Input((2,)), Doubles()])
    plain = keras.Sequential([keras.Input((2,)), keras.layers.Dense(1)])
    answers.write(tmp_path, {"subclass": LooksUp(), "lambda": lambda_model, "layer": layer_model, "plain": plain})
    read, problems, notebook_models = answers.read(tmp_path)
    assert notebook_models == {"subclass": "LooksUp", "lambda": "Lambda", "layer": "Doubles"}
    assert set(read) == {"plain"} and not problems
    assert len(list(tmp_path.glob("*.keras"))) == 1, "only the plain model is saved"


def test_a_saved_lambda_layer_does_not_load(tmp_path):
    import keras
    keras.Sequential([keras.Input((2,)), keras.layers.Lambda(lambda x: x * 0 + 1)]).save(tmp_path / "1.keras")
    (tmp_path / answers.INDEX).write_text(json.dumps({"lambda": {"model": "1.keras"}}))
    read, problems, _ = answers.read(tmp_path)
    assert read == {} and "lambda" in problems, problems


def test_what_the_kernel_can_leave_in_the_folder_is_refused(tmp_path):
    secret = tmp_path.parent / "secret.npy"
    np.save(secret, np.arange(3))
    os.symlink(secret, tmp_path / "link.npy")
    os.mkfifo(tmp_path / "fifo.npy")
    np.save(tmp_path / "pickled.npy", np.array([{"a": 1}], dtype=object), allow_pickle=True)
    (tmp_path / answers.INDEX).write_text(json.dumps({
        "link": {"ndarray": "link.npy"}, "fifo": {"ndarray": "fifo.npy"}, "pickled": {"ndarray": "pickled.npy"},
        "up": {"ndarray": "../secret.npy"}, "odd": {"nothing": 1}, "model": {"model": "link.npy"}}))
    read, problems, _ = answers.read(tmp_path)
    assert read == {} and set(problems) == {"link", "fifo", "pickled", "up", "odd", "model"}
    (tmp_path / answers.INDEX).write_text("[" * 100000 + "]" * 100000)
    with pytest.raises(answers.Unreadable):
        answers.read(tmp_path)
