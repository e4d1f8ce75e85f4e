"""The graded values of a notebook as plain files: written in the student's kernel, read elsewhere.

After the student's cells, the kernel writes the values the hidden tests take (rnnhw.in_kernel) into
a folder: index.json holds JSON data, arrays go to .npy files, Keras models to .keras files. A fresh
process that never ran the student's code (rnnhw.verify) reads them back as exact types: `str`,
`int`, `float`, `list`, plain `np.ndarray`, numpy scalars, Keras models loaded with safe_mode=True,
a History rebuilt from its numbers, a tf.data.Dataset rebuilt from its elements, a scikit-learn
preprocessing object rebuilt from its parameters and fitted arrays. Nothing is unpickled, no class
of the notebook is ever created there: a `str` subclass whose `==` always succeeds arrives as the
`str` it holds. A Keras model built from the notebook's own code (a subclass of keras.Model or of a
layer defined in the notebook, a Lambda layer) is code, like a function: it is not saved, only
named as such, and read back as missing, with its class in `notebook_models`.

Writing happens in the kernel, where the student's code can make it write anything: that is only the
student choosing their answers. Reading checks every part, since the files come from the sandbox.
A value of any other type is written as unsupported: it is left out when read back, and named
with the reason, so that rnnhw grade flags a kernel that passed a case on it.
"""

import json
import os
import stat
from pathlib import Path

INDEX = "index.json"
MAX_INDEX_BYTES = 64 * 2**20
MAX_FILE_BYTES = 1 * 2**30
MAX_DATASET_ELEMENTS = 100_000
# scikit-learn classes rebuilt from their parameters and fitted attributes (hw4's MinMaxScaler)
SKLEARN_MODULE = "sklearn.preprocessing"


class Unreadable(Exception):
    """The folder does not hold answers this module wrote."""


class Unsupported(Exception):
    """A value the kernel could not write as plain data (its reason, as the kernel wrote it)."""


class NotebookModel(Exception):
    """A Keras model of the notebook's own classes (the class name, as the kernel wrote it)."""


def _text(value) -> str:
    return value[:200] if isinstance(value, str) else "?"


# ---- writing, in the student's kernel -------------------------------------------------------------

class _Writer:
    def __init__(self, folder: Path):
        self.folder, self.count = folder, 0

    def _file(self, suffix: str) -> str:
        self.count += 1
        return f"{self.count}{suffix}"

    def _array(self, value) -> str:
        import numpy as np
        name = self._file(".npy")
        np.save(self.folder / name, np.asarray(value), allow_pickle=False)
        return name

    def encode(self, value, depth: int = 0):
        """JSON for `value`; exact builtin types first, as `type(x) in ...` (a subclass is coerced)."""
        import sys
        if depth > 20:
            raise ValueError("nested too deep")
        np = sys.modules.get("numpy")
        if value is None or type(value) in (bool, int, float, str):
            return value
        if value is Ellipsis:  # the `...` of a question the student has not answered
            return {"ellipsis": None}
        if np is not None and isinstance(value, np.generic):
            return {"npscalar": self._array(value)}
        if np is not None and isinstance(value, np.ndarray):
            return {"ndarray": self._array(value.view(np.ndarray))}
        if isinstance(value, bool):
            return bool(value)
        if isinstance(value, str):
            return str.__str__(value)
        if isinstance(value, int):
            return int.__index__(value)
        if isinstance(value, float):
            return float.__float__(value)
        if isinstance(value, (list, tuple)):
            items = [self.encode(v, depth + 1) for v in value]
            return items if isinstance(value, list) else {"tuple": items}
        if isinstance(value, dict):
            return {"dict": [[self.encode(k, depth + 1), self.encode(v, depth + 1)] for k, v in value.items()]}
        keras, tf = sys.modules.get("keras"), sys.modules.get("tensorflow")
        if keras is not None and isinstance(value, keras.Model) and (code := _notebook_code(keras, value)):
            return {"notebook_model": code}
        if keras is not None and isinstance(value, keras.Model):
            name = self._file(".keras")
            value.save(self.folder / name)
            return {"model": name}
        if keras is not None and isinstance(value, keras.callbacks.History):
            return {"history": {"history": self.encode(dict(value.history), depth + 1),
                                "epoch": self.encode(list(value.epoch), depth + 1),
                                "params": self.encode(dict(value.params or {}), depth + 1)}}
        if tf is not None and isinstance(value, tf.Tensor):
            return {"tensor": self._array(value.numpy())}
        if tf is not None and isinstance(value, tf.data.Dataset):
            elements = []
            for element in value.take(MAX_DATASET_ELEMENTS + 1):
                elements.append(self.encode(element, depth + 1))
            if len(elements) > MAX_DATASET_ELEMENTS:
                raise ValueError("a dataset of more than 100000 elements")
            return {"dataset": elements}
        if type(value).__module__.startswith(SKLEARN_MODULE) and hasattr(value, "get_params"):
            fitted = {k: v for k, v in vars(value).items() if k.endswith("_") and not k.startswith("_")}
            return {"sklearn": type(value).__name__, "params": self.encode(value.get_params(), depth + 1),
                    "fitted": self.encode(fitted, depth + 1)}
        raise TypeError(f"a {type(value).__name__}")


def _notebook_code(keras, model) -> str | None:
    """The name of the first class of `model` or its layers that the notebook defined (or "Lambda"
    for a Lambda layer, which holds a function of the notebook), None for a model of Keras' classes."""
    for part in [model, *model._flatten_layers(include_self=False)]:
        if isinstance(part, keras.layers.Lambda):
            return "Lambda"
        if type(part).__module__ == "__main__":
            return type(part).__name__
    return None


def write(folder: Path, values: dict) -> None:
    """Write each value (name -> value) into `folder`; a value that cannot be written is recorded as
    unsupported, with the reason."""
    folder.mkdir(parents=True, exist_ok=True)
    writer, index = _Writer(folder), {}
    for name, value in values.items():
        try:
            index[name] = writer.encode(value)
        except Exception as e:  # noqa: BLE001 - whatever the value does, the others are still written
            index[name] = {"unsupported": f"{type(e).__name__}: {e}"[:200]}
    (folder / INDEX).write_text(json.dumps(index))


# ---- reading, in a process that never ran the student's code --------------------------------------

def _open(folder: Path, name: object, limit: int):
    """A regular file directly in `folder`, opened without following symlinks, at most `limit` bytes."""
    if not isinstance(name, str) or "/" in name or name.startswith("."):
        raise Unreadable(f"bad file name {name!r}")
    fd = os.open(folder / name, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode) or info.st_size > limit:
        os.close(fd)
        raise Unreadable(f"{name} is not a regular file of at most {limit} bytes")
    return os.fdopen(fd, "rb")


class _Reader:
    def __init__(self, folder: Path):
        self.folder = folder

    def _array(self, name):
        import numpy as np
        with _open(self.folder, name, MAX_FILE_BYTES) as f:
            array = np.load(f, allow_pickle=False)
        if type(array) is not np.ndarray:
            raise Unreadable("not an array")
        return array

    def decode(self, data, depth: int = 0):
        if depth > 25:
            raise Unreadable("nested too deep")
        if data is None or type(data) in (bool, int, float, str):
            return data
        if type(data) is list:
            return [self.decode(v, depth + 1) for v in data]
        if type(data) is not dict or len(data) not in (1, 3):
            raise Unreadable(f"unexpected {type(data).__name__}")
        kind = next(iter(data))
        value = data[kind]
        if kind == "tuple" and type(value) is list:
            return tuple(self.decode(v, depth + 1) for v in value)
        if kind == "dict" and type(value) is list:
            pairs = [(self.decode(k, depth + 1), self.decode(v, depth + 1)) for k, v in
                     (p if type(p) is list and len(p) == 2 else (None, None) for p in value)]
            if not all(isinstance(k, (str, int, float, bool, tuple, type(None))) for k, _ in pairs):
                raise Unreadable("a dict key that is not a plain value")
            return dict(pairs)
        if kind == "ellipsis" and value is None:
            return Ellipsis
        if kind == "ndarray":
            return self._array(value)
        if kind == "npscalar":
            array = self._array(value)
            if array.shape != ():
                raise Unreadable("a numpy scalar that is not 0-d")
            return array[()]
        if kind == "tensor":
            import tensorflow as tf
            return tf.constant(self._array(value))
        if kind == "model":
            import keras
            with _open(self.folder, value, MAX_FILE_BYTES):
                pass  # checks the file before keras opens it by its name
            if not value.endswith(".keras"):
                raise Unreadable("a model file that is not .keras")
            return keras.saving.load_model(self.folder / value, safe_mode=True)
        if kind == "history" and type(value) is dict:
            import keras
            history = keras.callbacks.History()
            history.history = self._typed(value.get("history"), dict, depth)
            history.epoch = self._typed(value.get("epoch"), list, depth)
            history.params = self._typed(value.get("params"), dict, depth)
            return history
        if kind == "dataset" and type(value) is list and len(value) <= MAX_DATASET_ELEMENTS:
            return _dataset([self.decode(v, depth + 1) for v in value])
        if kind == "sklearn" and set(data) == {"sklearn", "params", "fitted"}:
            return _sklearn(value, self._typed(data["params"], dict, depth), self._typed(data["fitted"], dict, depth))
        if kind == "unsupported":
            raise Unsupported(_text(value))
        if kind == "notebook_model":
            raise NotebookModel(_text(value))
        raise Unreadable(f"unexpected entry {kind!r}")

    def _typed(self, data, kind: type, depth: int):
        value = self.decode(data, depth + 1)
        if type(value) is not kind:
            raise Unreadable(f"expected a {kind.__name__}")
        return value


def _dataset(elements: list):
    import tensorflow as tf
    if not elements:
        raise Unreadable("an empty dataset")
    dataset = tf.data.Dataset.from_tensors(elements[0])
    for element in elements[1:]:
        dataset = dataset.concatenate(tf.data.Dataset.from_tensors(element))
    return dataset


def _sklearn(name, params: dict, fitted: dict):
    import importlib
    module = importlib.import_module(SKLEARN_MODULE)
    cls = getattr(module, name, None) if isinstance(name, str) and name.isidentifier() else None
    if not isinstance(cls, type):
        raise Unreadable(f"no class {name!r} in {SKLEARN_MODULE}")
    value = cls(**{k: v for k, v in params.items() if isinstance(k, str)})
    for key, attribute in fitted.items():
        if isinstance(key, str) and key.endswith("_") and key.isidentifier():
            setattr(value, key, attribute)
    return value


def read(folder: Path) -> tuple[dict, dict[str, str], dict[str, str]]:
    """The values in `folder` (name -> value); by name, why a value could not be read; and, by name,
    the class of each model the kernel says the notebook's code built. A value not read is left out:
    a test receives None for it, as otter gives a name the notebook did not define."""
    with _open(folder, INDEX, MAX_INDEX_BYTES) as f:
        try:
            index = json.loads(f.read())
        except (ValueError, RecursionError) as e:
            raise Unreadable(f"{INDEX} is not JSON ({type(e).__name__})")
    if type(index) is not dict:
        raise Unreadable(f"{INDEX} is not a JSON object")
    reader, values, problems, notebook_models = _Reader(folder), {}, {}, {}
    for name, data in index.items():
        try:
            values[name] = reader.decode(data)
        except NotebookModel as e:
            notebook_models[name] = str(e)
        except Unsupported as e:
            problems[name] = f"not plain data ({e})"
        except Exception as e:  # noqa: BLE001 - one bad value costs that value only
            problems[name] = f"{type(e).__name__}: {e}"[:200]
    return values, problems, notebook_models
