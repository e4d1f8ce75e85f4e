"""Command line: python -m rnnhw {build,grade,validate,calibrate,examples,report,bench} ..."""

import argparse
import os
import shutil
import subprocess

from . import RnnhwError, assignment_names


def _build(args) -> None:
    from .build import build
    for hw in args.assignments or assignment_names():
        build(hw, handout_url=args.handout_url)


def _grade(args) -> None:
    from .grade import grade
    if args.engine == "docker":
        _grade_with_docker(args)
        return
    if args.no_sandbox:
        print("rnnhw grade --no-sandbox: each notebook runs with your rights, sees your files and the network, "
              "and what it leaves running may outlive it. Grade only notebooks you trust this way.", flush=True)
    grade(args.paths, args.output_dir, args.assignment, args.jobs, args.timeout,
          scan=not args.no_scan, use_sandbox=not args.no_sandbox)


def _grade_with_docker(args) -> None:
    docker = shutil.which("docker")
    answer = subprocess.run([docker, "info"], capture_output=True, text=True, timeout=30) if docker else None
    if answer is None or answer.returncode != 0:
        why = "the docker command is not installed" if answer is None else answer.stderr.strip().splitlines()[-1]
        raise SystemExit(f"--engine docker needs a running Docker daemon, and none answers here ({why}).\n"
                         "Grade without Docker instead: drop --engine docker "
                         "(the default grades in bubblewrap sandboxes).")
    if not args.assignment:
        raise SystemExit("--engine docker needs --assignment HW")
    import otter.grade
    from . import autograder_zip
    otter.grade.main(name=args.assignment, paths=args.paths, output_dir=args.output_dir,
                     autograder=str(autograder_zip(args.assignment)), containers=args.jobs,
                     timeout=int(args.timeout))


def _validate(args) -> None:
    from .validate import validate
    if not validate(args.assignments or assignment_names(), args.json, args.markdown, args.jobs, args.seeds,
                    args.spread_otter_runs, not args.no_fit_cache):
        raise SystemExit(1)


def _calibrate(args) -> None:
    from .calibrate import calibrate
    for hw in args.assignments or assignment_names():
        calibrate(hw, args.seeds, args.jobs)


def _examples(args) -> None:
    import tempfile
    from pathlib import Path
    from . import ROOT
    from .build import build
    from .submissions import write_examples
    for hw in args.assignments or assignment_names():
        with tempfile.TemporaryDirectory() as tmp:
            build(hw, Path(tmp))
            rights = sorted((ROOT / "tests" / "submissions" / hw / "right").glob("*.py"))
            write_examples(hw, Path(tmp), ROOT / "examples" / "submissions" / hw, rights)
        print(f"[examples] wrote examples/submissions/{hw}/")


def _report(args) -> None:
    from pathlib import Path
    from .report import FEEDBACK_DIR, REPORT_JSON, write_report
    folder = Path(args.folder)
    if not any(folder.rglob("results.json")):
        raise SystemExit(f"no results.json under {folder}: give the folder `rnnhw grade -o` wrote, "
                         "or Gradescope's results folders")
    page = write_report(folder, args.assignment)
    print(f"class report {page} and {page.parent / REPORT_JSON}; feedback in {page.parent / FEEDBACK_DIR}")


def _bench(args) -> None:
    from .bench import bench
    bench(args.assignments or assignment_names(), args.quick)


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(prog="python -m rnnhw", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    build = commands.add_parser("build", help="otter assign each master -> assignments/ and autograder/")
    build.add_argument("assignments", nargs="*", metavar="HW", help="default: every assignment in solutions/")
    build.add_argument("--handout-url", metavar="URL",
                       help="where you will publish assignments/<hw>.zip: on Colab, a notebook whose student "
                            "uploaded no handout downloads URL/<hw>.zip")
    build.set_defaults(run=_build)

    from .sandbox import DEFAULT_TIMEOUT
    grade = commands.add_parser("grade", help="grade submissions (.ipynb or export .zip) without Docker")
    grade.add_argument("paths", nargs="+", metavar="PATH", help="submission files or folders of them")
    grade.add_argument("--assignment", choices=assignment_names(), help="default: read from each notebook")
    grade.add_argument("--jobs", type=int, default=1, help="submissions graded at once (default 1)")
    grade.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT,
                       help="seconds each stage of a submission (prepare, run, verify) may take "
                            f"(default {DEFAULT_TIMEOUT})")
    grade.add_argument("-o", "--output-dir", default="grades", help="where final_grades.csv goes (default grades/)")
    grade.add_argument("--engine", choices=["run", "docker"], default="run",
                       help="run: otter's grading steps in a bubblewrap sandbox per submission, no Docker "
                       "(default); docker: otter grade")
    grade.add_argument("--no-sandbox", action="store_true",
                       help="grade without bubblewrap (where it is missing): only notebooks you trust")
    grade.add_argument("--no-scan", action="store_true",
                       help="run notebooks the scan flags too (to regrade after a review; the other checks stay)")
    grade.set_defaults(run=_grade)

    validate = commands.add_parser("validate", help="grade wrong, right, blank and reseeded submissions; "
                                   "exit 1 unless every verdict holds")
    validate.add_argument("assignments", nargs="*", metavar="HW", help="default: every assignment")
    validate.add_argument("--json", metavar="FILE", help="write the matrix as JSON")
    validate.add_argument("--markdown", metavar="FILE", help="write the matrix as a markdown table")
    validate.add_argument("--jobs", type=int, default=2, help="submissions graded at once (default 2)")
    validate.add_argument("--seeds", type=int, default=0,
                          help="also grade the reference under N other autograder seeds and N student seeds")
    validate.add_argument("--spread-otter-runs", action="store_true",
                          help="grade again with otter run one wrong answer per assignment and each other kind "
                          "in one assignment, instead of every kind in every assignment")
    validate.add_argument("--no-fit-cache", action="store_true",
                          help="train every submission for itself instead of reusing identical trainings (slower)")
    validate.set_defaults(run=_validate)

    calibrate = commands.add_parser("calibrate", help="train the reference under K seeds and write "
                                    "solutions/<hw>/calibration.json")
    calibrate.add_argument("assignments", nargs="*", metavar="HW", help="default: every assignment")
    calibrate.add_argument("--seeds", type=int, default=20, help="number of seeds K (default 20)")
    calibrate.add_argument("--jobs", type=int, default=2, help="kernels at once (default 2)")
    calibrate.set_defaults(run=_calibrate)

    examples = commands.add_parser("examples", help="rewrite examples/submissions/<hw>/ from the reference "
                                   "and the right answers in tests/submissions/<hw>/right/")
    examples.add_argument("assignments", nargs="*", metavar="HW", help="default: every assignment")
    examples.set_defaults(run=_examples)

    report = commands.add_parser("report", help="write the class report (report.html, report.json) and each "
                                 "student's feedback (feedback/) from a folder of results.json files")
    report.add_argument("folder", help="what `rnnhw grade -o` wrote, or a folder of Gradescope results.json files")
    report.add_argument("--assignment", choices=assignment_names(),
                        help="for its calibrated thresholds (default: the folder's name, when it is an assignment)")
    report.set_defaults(run=_report)

    bench = commands.add_parser("bench", help="measure grading time, memory, overhead and throughput; "
                                "write bench/results.json and bench/results.md")
    bench.add_argument("assignments", nargs="*", metavar="HW", help="default: every assignment")
    bench.add_argument("--quick", action="store_true", help="one run, no class throughput (for development)")
    bench.set_defaults(run=_bench)

    args = parser.parse_args(argv)
    # TensorFlow's start-up banners in every kernel would bury the progress lines.
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    try:
        args.run(args)
    except RnnhwError as e:
        raise SystemExit(str(e))


if __name__ == "__main__":
    main()
