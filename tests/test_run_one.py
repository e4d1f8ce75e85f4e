"""The kernel rnnhw.run_one configures for otter: IRI grammars skipped, slow cells interrupted."""

import nbformat
import nbconvert.preprocessors as preprocessors

from rnnhw.run_one import _configure_kernel


def test_the_kernel_starts_without_the_iri_grammars_and_without_new_names(monkeypatch):
    monkeypatch.setattr(preprocessors, "ExecutePreprocessor", preprocessors.ExecutePreprocessor)
    _configure_kernel(None)
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(
        "print(__import__('sys').modules.get('rfc3987_syntax', 'absent'), 'sys' in globals())\n"
        "import jsonschema\n"
        "print(jsonschema.Draft7Validator({'type': 'string'}).is_valid('x'))")])
    preprocessors.ExecutePreprocessor(timeout=120, kernel_name="python3").preprocess(nb)
    assert nb.cells[0].outputs[0]["text"].split() == ["None", "False", "True"]


def test_a_cell_timeout_interrupts_the_cell(monkeypatch):
    monkeypatch.setattr(preprocessors, "ExecutePreprocessor", preprocessors.ExecutePreprocessor)
    _configure_kernel(7)
    executor = preprocessors.ExecutePreprocessor(timeout=600)
    assert (executor.timeout, executor.interrupt_on_timeout) == (7, True)
