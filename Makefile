# `make`: set up .venv, build every assignment, grade the example submissions, print the grades.
# `make test`: set up .venv and run the test suite.
# `make test-fast`: the tests that neither grade nor train (build, leaks, scan, prepare, change files,
# calibration rules, lint), in about 2 minutes.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: all build examples test test-fast colab-like validity bench clean bubblewrap lock pdf-tools
all: build examples pdf-tools

# On the platform requirements-lock.txt was made on (its `# platform:` line), every package takes the
# locked version, the one the autograder image installs; elsewhere only requirements.txt's pins hold.
LOCKED := import platform, sys; tag = f"cp{sys.version_info.major}{sys.version_info.minor}-{sys.platform}-{platform.machine()}"; \
	print("-c requirements-lock.txt" if f"\n\# platform: {tag}\n" in open("requirements-lock.txt").read() else "")

$(STAMP): requirements.txt requirements-dev.txt requirements-lock.txt pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 10) else "Python >= 3.10 is needed (found " + sys.version.split()[0] + "); run make PYTHON=python3.11")'
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt $$($(PY) -c '$(LOCKED)')
	$(PY) -m pip install --quiet -e .
	touch $(STAMP)

build: $(STAMP)
	$(PY) -m rnnhw build

examples: build bubblewrap
	$(PY) -m rnnhw grade examples/submissions --jobs 2 -o grades

test: $(STAMP) bubblewrap pdf-tools
	$(PY) -m pytest tests

test-fast: $(STAMP) bubblewrap
	$(PY) -m pytest tests -m "not slow"

# The handout tests with the student's side in a kernel of another stack, like Colab's (requirements-colab-like.txt,
# Python 3.12): the notebooks must not need the newest Keras where students do not choose it. The kernel is
# registered in .venv, which grades as always. Needs a Python 3.12 (pyenv's, else python3.12 on the PATH) and PyPI.
COLAB_PYTHON ?= $(firstword $(wildcard $(HOME)/.pyenv/versions/3.12*/bin/python3.12) python3.12)
COLAB_VENV := .venv-colab-like
colab-like: $(STAMP) pdf-tools
	test -x $(COLAB_VENV)/bin/python || $(COLAB_PYTHON) -m venv $(COLAB_VENV)
	$(COLAB_VENV)/bin/python -m pip install --quiet -r requirements-colab-like.txt
	$(COLAB_VENV)/bin/python -m ipykernel install --prefix $(VENV) --name rnnhw-colab-like --display-name "Colab-like" >/dev/null
	$(COLAB_VENV)/bin/python -c 'import sys, tensorflow, keras, numpy, IPython; print("student kernel: Python", \
	  sys.version.split()[0], "TensorFlow", tensorflow.__version__, "Keras", keras.__version__, "NumPy", numpy.__version__, \
	  "IPython", IPython.__version__)' 2>/dev/null
	RNNHW_STUDENT_KERNEL=rnnhw-colab-like $(PY) -m pytest tests/test_handout.py

# rnnhw grade runs each submission in a bubblewrap sandbox: installed here where we can (root, apt-get).
bubblewrap:
	@command -v bwrap >/dev/null || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null && \
	  { apt-get install -y -q bubblewrap >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q bubblewrap >/dev/null; }; }; } || \
	  echo "bubblewrap (bwrap) is missing and cannot be installed here: install it (README, Bad submissions and tampering)"

# grader.export() builds the PDF of the written answers with pandoc and XeLaTeX (otter's default, nbconvert's
# LaTeX route); the tests read it with pdftotext. Installed here where we can (root, apt-get), like bubblewrap:
# 34 Debian packages, 162 MB to download, 602 MB installed (Debian 12, --no-install-recommends).
PDF_PACKAGES := pandoc texlive-xetex texlive-fonts-recommended texlive-plain-generic poppler-utils
pdf-tools:
	@{ command -v pandoc && command -v xelatex && command -v pdftotext; } >/dev/null || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null && \
	  { DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $(PDF_PACKAGES) >/dev/null 2>&1 || \
	    { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $(PDF_PACKAGES) >/dev/null; }; }; } || \
	  echo "pandoc, xelatex or pdftotext is missing and cannot be installed here: install them (README, Written answers and their PDF)"

clean:
	rm -rf autograder grades

# The validity matrix for instructors, docs/validity.md: the grading tests of `make test`, keeping their matrix,
# with 10 autograder and 10 student seeds per assignment instead of 1.
validity: $(STAMP)
	RNNHW_SEEDS=10 RNNHW_VALIDITY_OUT=docs $(PY) -m pytest tests/test_grading.py

# Grading time, memory, overhead, throughput and training, written to bench/results.{json,md} (about 32 min).
bench: $(STAMP)
	$(PY) -m rnnhw bench

# requirements-lock.txt anew, after a change to requirements.txt: a fresh environment of requirements.txt, frozen.
lock:
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	.lock-venv/bin/pip install --quiet --upgrade pip && .lock-venv/bin/pip install --quiet -r requirements.txt
	{ sed -n '1,3p' requirements-lock.txt; .lock-venv/bin/python -c 'import platform, sys; \
	  print(f"# python: {platform.python_version()}\n# platform: cp{sys.version_info.major}{sys.version_info.minor}-{sys.platform}-{platform.machine()}")'; \
	  .lock-venv/bin/pip freeze; } > requirements-lock.new && mv requirements-lock.new requirements-lock.txt && rm -rf .lock-venv
