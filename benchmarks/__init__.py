"""skprep benchmarks: ``python -m benchmarks [family ...]``."""
