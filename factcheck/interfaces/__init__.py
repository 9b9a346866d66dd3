"""The surfaces: command line, web app, batch files and export formats."""
