"""The web app: `python app.py [--host H] [--port N]` (the same as `factcheck serve`)."""

from factcheck.interfaces.web.app import main

if __name__ == "__main__":
    main()
