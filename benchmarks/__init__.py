"""Benchmarks: `python -m benchmarks` prints one table (see docs/benchmarks.md)."""
