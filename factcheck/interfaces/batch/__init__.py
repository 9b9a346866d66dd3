"""Batch files in, reports out."""
