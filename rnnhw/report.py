"""What a graded folder says: the class report for the instructor and the feedback for each student.

`write_report(folder)` reads every results.json under `folder` (rnnhw grade's own, or Gradescope's
as otter's run_autograder writes them) and writes

- report.json: the figures, for scripts;
- report.html: one page that opens from disk (plots embedded as PNG, no network);
- feedback/<submission>.md and .html: each question's points and, for each failed test, what it
  says went wrong, without the line of test code otter's message quotes.

Failure messages of hidden tests never state a threshold (tests/test_report.py checks the masters),
so the feedback can be handed to students as it is.

Written questions (Otter's manual questions) are graded by hand from the students' PDFs, outside this
package: no results.json has them, so the report and the feedback list them, from the master, as
pending rather than as 0 points. Their rubric stays in the master: neither file shows it.
"""

import base64
import html
import io
import json
import re
import statistics
import textwrap
from pathlib import Path

from . import SOLUTIONS_DIR, assignment_names, master_path
from .masters import otter_case_names, read_master

REPORT_JSON, REPORT_HTML, FEEDBACK_DIR = "report.json", "report.html", "feedback"
# rnnhw's results.json for Gradescope (rnnhw/gradescope.py): the entry only instructors see, and the
# line of each test case in a question's entry
GRADESCOPE_NOTES = "Grading notes (instructors only)"
GRADESCOPE_CASE = re.compile(r"^(.+?) \((hidden|public)\): (?:passed|not graded|failed: (.*))$")
# otter quotes the failing line of the test's source: "Error at line 7 in test q3:" then that line, indented
OTTER_SOURCE_HEADER = re.compile(r"Error at line \d+ in test \S+:$")


def student_message(message: str) -> str:
    """What a failed test says, for a student: the exception and its text, not the test's code."""
    lines = (message or "").strip().splitlines()
    if lines and lines[0].startswith("❌"):
        lines = lines[1:]
    if lines and OTTER_SOURCE_HEADER.match(lines[0]):
        lines = lines[1:]
        while lines and lines[0].startswith("  "):
            lines = lines[1:]
    text = "\n".join(lines).strip()
    return text.removeprefix("AssertionError: ").strip() or "the test failed without a message"


def _question_order(name: str) -> tuple:
    return tuple(int(p) if p.isdigit() else p for p in re.split(r"(\d+)", name))


def _from_rnnhw(data: dict) -> dict:
    questions = {q: {"score": t["score"], "possible": t["possible"],
                     "failed": [{"case": c["name"], "hidden": c["hidden"], "message": c["message"]}
                                for c in t["cases"] if not c["passed"]]}
                 for q, t in data["tests"].items()}
    return {"file": data["file"], "score": data["score"], "possible": data["possible"], "status": data["status"],
            "flags": data.get("flags") or [], "seconds": data.get("seconds"), "questions": questions}


def _from_gradescope(data: dict, name: str) -> dict:
    """Gradescope results: rnnhw's (rnnhw/gradescope.py: a line per test case, the status in the
    instructors' entry) or otter's own (one entry per question holding otter's summary text)."""
    notes = next((t.get("output", "") for t in data["tests"] if t.get("name") == GRADESCOPE_NOTES), None)
    questions = {}
    for test in data["tests"]:
        if "max_score" not in test:  # "Public Tests", "PDF Generation Failed", notes: not questions
            continue
        output = test.get("output", "")
        if notes is not None:
            failed = [{"case": m.group(1), "hidden": m.group(2) == "hidden", "message": m.group(3)}
                      for m in map(GRADESCOPE_CASE.match, output.splitlines()) if m and m.group(3) is not None]
        else:
            failed = [{"case": m.group(1), "hidden": None, "message": textwrap.dedent(m.group(2)).strip()}
                      for m in re.finditer(r"^    (.+?) result:\n((?:(?:        .*)?\n?)*)", output, re.M)
                      if not m.group(2).strip().startswith("✅")]
        questions[test["name"]] = {"score": test.get("score", 0), "possible": test["max_score"], "failed": failed}
    errors = [t.get("output", "") for t in data["tests"]
              if "max_score" not in t and "error" in t.get("output", "").lower()]
    status = notes or ("Completed" if questions or not errors else errors[0][:300])
    if notes is not None and not notes.startswith("Completed"):
        questions = {}  # flagged or not graded: no question ran, as in rnnhw grade's own results
    return {"file": name, "score": data.get("score", sum(q["score"] for q in questions.values())),
            "possible": sum(q["possible"] for q in questions.values()), "status": status, "flags": [],
            "seconds": data.get("execution_time"), "questions": questions}


def load_results(folder: Path, files: set[str] | None = None) -> list[dict]:
    """Every submission's results under `folder` (only those of `files` when given: a reused output
    folder keeps older results), in one form, sorted by file."""
    submissions = []
    for path in sorted(folder.rglob("results.json")):
        data = json.loads(path.read_text())
        if isinstance(data.get("tests"), dict):
            submissions.append(_from_rnnhw(data))
        elif isinstance(data.get("tests"), list):
            submissions.append(_from_gradescope(data, str(path.parent.relative_to(folder))))
    return sorted((s for s in submissions if files is None or s["file"] in files), key=lambda s: s["file"])


def problem_of(submission: dict) -> str | None:
    """flagged, timed out, not graded, cells raised errors, or None for a clean run."""
    status = submission["status"]
    if submission["flags"] or status.startswith("FLAGGED"):
        return "flagged"
    if status.startswith("timed out"):
        return "timed out"
    if not status.startswith("Completed"):
        return "not graded"
    if "raised errors" in status or "interrupted" in status:
        return "cells raised errors"
    return None


def _calibration(assignment: str | None) -> dict:
    """The graded trainings of calibration.json, each with the name of its test case in the results."""
    path = SOLUTIONS_DIR / f"{assignment}" / "calibration.json"
    if not (assignment and path.exists()):
        return {}
    cases = otter_case_names(read_master(master_path(assignment))[2])
    return {test: {**metric, "case": cases[test]} for test, metric in json.loads(path.read_text())["metrics"].items()}


def written_questions(assignment: str | None) -> dict[str, float]:
    """{name: points} of the assignment's written questions, graded by hand (none when it is unknown)."""
    if not (assignment and master_path(assignment).exists()):
        return {}
    return {q.name: q.points or 0 for q in read_master(master_path(assignment))[2] if q.manual}


def figures(submissions: list[dict], assignment: str | None = None) -> dict:
    """The class's figures: totals, each question, the problems, grading times, the graded trainings."""
    possible = {}
    for s in submissions:
        for q, t in s["questions"].items():
            possible[q] = max(possible.get(q, 0), t["possible"])
    questions = {}
    for q in sorted(possible, key=_question_order):
        scores = [s["questions"].get(q, {}).get("score", 0) for s in submissions]
        failures: dict[str, list[str]] = {}
        for s in submissions:
            for case in s["questions"].get(q, {}).get("failed", []):
                if case["hidden"] is not False:
                    failures.setdefault(case["case"], []).append(case["message"])
        worst = max(failures, key=lambda c: len(failures[c]), default=None)
        questions[q] = {"possible": possible[q], "mean": statistics.fmean(scores) if scores else 0,
                        "full_marks": sum(score >= possible[q] for score in scores),
                        "full_marks_share": (sum(score >= possible[q] for score in scores) / len(scores)
                                             if scores else 0),
                        "most_failed_hidden_test": worst and {
                            "case": worst, "failures": len(failures[worst]),
                            "message": student_message(failures[worst][0])}}
    totals = [s["score"] for s in submissions]
    training = {}
    for test, metric in _calibration(assignment).items():
        failed = sum(any(c["case"] == metric["case"]
                         for c in s["questions"].get(metric["question"], {}).get("failed", []))
                     for s in submissions)
        ran = sum(metric["question"] in s["questions"] for s in submissions)
        training[test] = {"question": metric["question"], "case": metric["case"], "direction": metric["direction"],
                          "threshold": metric["threshold"], "reference_range": [metric["min"], metric["max"]],
                          "baseline": metric.get("baseline"), "graded": ran, "passed": ran - failed}
    return {"assignment": assignment, "submissions": len(submissions),
            "possible": sum(possible.values()), "totals": {s["file"]: s["score"] for s in submissions},
            "mean": statistics.fmean(totals) if totals else 0, "median": statistics.median(totals) if totals else 0,
            "questions": questions,
            "problems": [{"file": s["file"], "kind": problem_of(s), "reason": s["status"]}
                         for s in submissions if problem_of(s)],
            "seconds": {s["file"]: s["seconds"] for s in submissions if s["seconds"] is not None},
            "training": training,
            # graded by hand elsewhere: pending for every submission, and in none of the totals above
            "written": {q: {"possible": points, "pending": len(submissions)}
                        for q, points in written_questions(assignment).items()}}


def _png(draw) -> str:
    """A figure drawn by `draw(axes)`, as a data URI."""
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    fig, axes = plt.subplots(figsize=(6.4, 3.2), dpi=100)
    draw(axes)
    fig.tight_layout()
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    plt.close(fig)
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode()


def _histogram(report: dict):
    def draw(axes):
        top = max(report["possible"], 1)
        axes.hist(list(report["totals"].values()), bins=[b - 0.5 for b in range(int(top) + 2)], color="#4c72b0",
                  edgecolor="white")
        axes.xaxis.get_major_locator().set_params(integer=True)
        axes.yaxis.get_major_locator().set_params(integer=True)
        axes.set(xlabel=f"points (of {report['possible']:g})", ylabel="submissions", title="Grade distribution")
    return draw


def _question_bars(report: dict):
    def draw(axes):
        names = list(report["questions"])
        axes.bar(names, [q["mean"] / q["possible"] if q["possible"] else 0 for q in report["questions"].values()],
                 color="#55a868")
        axes.set(ylim=(0, 1), ylabel="mean share of the points", title="Each question")
    return draw


def _table(header: list[str], rows: list[list]) -> str:
    cells = "".join(f"<th>{html.escape(str(h))}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{html.escape(str(c))}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table><tr>{cells}</tr>{body}</table>"


STYLE = ("body{font-family:sans-serif;max-width:60em;margin:2em auto;padding:0 1em}"
         "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:.3em .6em;"
         "text-align:left;vertical-align:top}td:nth-child(2){white-space:nowrap}pre{white-space:pre-wrap}")


def _page(title: str, body: str) -> str:
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
            f"<style>{STYLE}</style></head><body>{body}</body></html>\n")


def report_html(report: dict) -> str:
    name = report["assignment"] or "grades"
    q_rows = [[q, f"{v['mean']:.2f} / {v['possible']:g}", f"{v['full_marks']} ({v['full_marks_share']:.0%})",
               *((v["most_failed_hidden_test"]["case"], v["most_failed_hidden_test"]["failures"],
                  v["most_failed_hidden_test"]["message"]) if v["most_failed_hidden_test"] else ("-", 0, ""))]
              for q, v in report["questions"].items()]
    t_rows = [[case, t["question"], f"{t['direction']} {t['threshold']:g}",
               f"{t['reference_range'][0]:.3g} to {t['reference_range'][1]:.3g}", t["baseline"] or "-",
               f"{t['passed']} of {t['graded']}"] for case, t in report["training"].items()]
    seconds = list(report["seconds"].values())
    body = [f"<h1>{html.escape(name)}: class report</h1>",
            f"<p>{report['submissions']} submissions; mean {report['mean']:.2f} and median {report['median']:g} "
            f"of {report['possible']:g} points.</p>"]
    if report["submissions"]:
        body += [f'<img alt="grade distribution" src="{_png(_histogram(report))}">',
                 f'<img alt="mean share of each question" src="{_png(_question_bars(report))}">']
    body += ["<h2>Questions</h2>", _table(["question", "mean", "at full marks", "hidden test failed most",
                                           "failures", "its message"], q_rows)]
    if report["written"]:
        body += ["<h2>Written answers, graded by hand</h2><p>Graded from the students' PDFs with the rubric in "
                 "the master notebook; not in the points above nor in final_grades.csv.</p>",
                 _table(["question", "points", "status"], [[q, f"{w['possible']:g}", f"pending for {w['pending']}"]
                                                           for q, w in report["written"].items()])]
    if t_rows:
        body += ["<h2>Graded trainings</h2><p>Each threshold test: the threshold, the range the reference "
                 "solution reached over its calibration seeds (calibration.json), the baseline that needs no "
                 "training, and how many submissions passed it.</p>",
                 _table(["test", "question", "threshold", "reference range", "baseline", "passed"], t_rows)]
    body += ["<h2>Flagged, not graded, timed out, errors</h2>",
             _table(["file", "kind", "reason"], [[p["file"], p["kind"], p["reason"]] for p in report["problems"]])
             if report["problems"] else "<p>None.</p>"]
    if seconds:
        body += [f"<h2>Grading time</h2><p>median {statistics.median(seconds):.1f} s, longest {max(seconds):.1f} s "
                 "per submission.</p>",
                 _table(["file", "seconds"], [[f, f"{s:.1f}"] for f, s in report["seconds"].items()])]
    return _page(f"{name}: class report", "".join(body))


WRITTEN_PENDING = "pending: graded by hand from your PDF"


def _written_total(written: dict[str, float]) -> str:
    return f" Written answers: {sum(written.values()):g} more points, {WRITTEN_PENDING}." if written else ""


def feedback_markdown(submission: dict, written: dict[str, float] | None = None) -> str:
    written = written or {}
    lines = [f"# Feedback: {submission['file']}", "",
             f"**{submission['score']:g} of {submission['possible']:g} points.** {submission['status']}"
             f"{_written_total(written)}", ""]
    for q in sorted(submission["questions"], key=_question_order):
        t = submission["questions"][q]
        lines.append(f"## {q}: {t['score']:g} of {t['possible']:g}")
        for case in t["failed"]:
            lines += ["", f"- {'hidden' if case['hidden'] else 'public'} test `{case['case']}`:",
                      textwrap.indent(student_message(case["message"]), "  ")]
        lines.append("")
    for q, points in written.items():
        lines += [f"## {q}: {WRITTEN_PENDING} ({points:g} points)", ""]
    return "\n".join(lines)


def feedback_html(submission: dict, written: dict[str, float] | None = None) -> str:
    written = written or {}
    body = [f"<h1>Feedback: {html.escape(submission['file'])}</h1>",
            f"<p><b>{submission['score']:g} of {submission['possible']:g} points.</b> "
            f"{html.escape(submission['status'] + _written_total(written))}</p>"]
    for q in sorted(submission["questions"], key=_question_order):
        t = submission["questions"][q]
        body.append(f"<h2>{html.escape(q)}: {t['score']:g} of {t['possible']:g}</h2>")
        body += [f"<p>{'hidden' if case['hidden'] else 'public'} test <code>{html.escape(case['case'])}</code>:</p>"
                 f"<pre>{html.escape(student_message(case['message']))}</pre>" for case in t["failed"]]
    body += [f"<h2>{html.escape(q)}: {WRITTEN_PENDING} ({points:g} points)</h2>" for q, points in written.items()]
    return _page(f"Feedback: {submission['file']}", "".join(body))


def write_report(folder: Path, assignment: str | None = None, files: set[str] | None = None) -> Path:
    """Write report.json, report.html and feedback/ in `folder`; return the report's path."""
    folder = Path(folder)
    if assignment is None and folder.name in assignment_names():
        assignment = folder.name
    submissions = load_results(folder, files)
    report = figures(submissions, assignment)
    (folder / REPORT_JSON).write_text(json.dumps(report, indent=2))
    (folder / REPORT_HTML).write_text(report_html(report))
    feedback = folder / FEEDBACK_DIR
    feedback.mkdir(exist_ok=True)
    for s in submissions:
        name = s["file"].replace("/", "__")  # the whole file name: x.ipynb and x.zip may both be there
        written = {q: w["possible"] for q, w in report["written"].items()}
        (feedback / f"{name}.md").write_text(feedback_markdown(s, written))
        (feedback / f"{name}.html").write_text(feedback_html(s, written))
    return folder / REPORT_HTML
