"""The verification pipeline (prepare, retrieve, judge), its LangChain adapter, the ingest run."""
