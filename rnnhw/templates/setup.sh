#!/usr/bin/env bash
# Gradescope (and `otter grade`) run this once, as root on Ubuntu, to build the grading image. It installs
# what grading these assignments needs and nothing else: bubblewrap (rnnhw grades in its sandboxes where
# the container lets it make namespaces), and Python with every package pinned to the version the test
# suite ran with (environment.yml, written from requirements-lock.txt by rnnhw/autograder.py). Otter's
# own template also installs R's build libraries, LaTeX and pandoc, Playwright's Chromium and
# nb_conda_kernels, which these assignments never use.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y --no-install-recommends bubblewrap ca-certificates wget
wget -nv https://github.com/conda-forge/miniforge/releases/download/25.3.1-0/Miniforge3-Linux-x86_64.sh \
    -O /tmp/miniforge.sh
# under /opt, not /root: without a sandbox the notebooks run as an unprivileged user, who must run this Python
bash /tmp/miniforge.sh -b -p /opt/miniforge3
/opt/miniforge3/bin/conda env create -p /opt/rnnhw-env -f /autograder/source/environment.yml
/opt/miniforge3/bin/conda clean -afy
rm -f /tmp/miniforge.sh
