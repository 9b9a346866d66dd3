"""Sources: reading files into text, input hygiene, and the passage store (Chroma)."""
