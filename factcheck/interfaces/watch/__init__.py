"""``factcheck watch``: wires and drafts checked as they arrive (issue #32)."""
