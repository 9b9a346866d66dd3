"""Deciding: a claim against a passage (align, timing, coverage, speakers), then the verdict."""
