"""Grades one submission with otter run; executed in its own process so a timeout can end it.

usage: python -m rnnhw.run_one AUTOGRADER_ZIP SUBMISSION RESULTS_DIR RESULTS_PICKLE
"""

import sys

import dill
import otter.run


def main(autograder: str, submission: str, results_dir: str, pickle_path: str) -> None:
    results = otter.run.main(submission, autograder=autograder, output_dir=results_dir, no_logo=True)
    with open(pickle_path, "wb") as f:
        dill.dump(results, f)


if __name__ == "__main__":
    main(*sys.argv[1:])
