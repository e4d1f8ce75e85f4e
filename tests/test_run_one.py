"""The kernel rnnhw.run_one starts for otter: python3 whatever the notebook's kernelspec says, IRI
grammars skipped, slow cells interrupted."""

import nbformat

from rnnhw.run_one import grading_executor


def test_the_kernel_is_python3_whatever_the_kernelspec_and_starts_without_the_iri_grammars():
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(
        "print(__import__('sys').modules.get('rfc3987_syntax', 'absent'), 'sys' in globals())\n"
        "import jsonschema\n"
        "print(jsonschema.Draft7Validator({'type': 'string'}).is_valid('x'))")])
    # a student's conda environment: no such kernel here
    nb.metadata["kernelspec"] = {"name": "rnn-course", "display_name": "RNN course", "language": "python"}
    grading_executor(120).preprocess(nb, {"metadata": {"path": "."}})
    assert nb.cells[0].outputs[0]["text"].split() == ["None", "False", "True"]


def test_a_cell_timeout_interrupts_the_cell():
    executor = grading_executor(7)
    assert (executor.timeout, executor.interrupt_on_timeout, executor.allow_errors) == (7, True, True)
