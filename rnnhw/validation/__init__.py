"""What `rnnhw validate` alone uses to grade many submissions quickly; students are never graded with it.

shared_kernel: grades submissions one after another in one long-lived kernel with otter's own steps.
fit_cache: inside those kernels, reuses a training whose every input equals an earlier one's.
"""
