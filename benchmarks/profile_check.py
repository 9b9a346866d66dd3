"""Where a batch check spends its time (issue #31, step 5): the checkset store (embedded
news plus real filler), distinct claims through ``check_many`` under cProfile, grouped
by dateline as ``factcheck batch`` groups them.

    python -m benchmarks.profile_check [N_CLAIMS] > profile.txt
"""

from __future__ import annotations

import cProfile
import io
import pstats
import sys
import tempfile


def main() -> None:
    from benchmarks import checkset
    from benchmarks.bench import _checker, _client
    from benchmarks.harness import source_files
    from factcheck.sources.store import PassageStore

    n = int(sys.argv[1]) if len(sys.argv) > 1 else 400
    with tempfile.TemporaryDirectory() as d:
        fc = _checker(_client(d))
        fc.ingest(source_files([checkset.SHARED / "news", checkset.ROOT / "seeds"]))
        texts = checkset.filler_sentences(2000)
        vecs = checkset.filler_vectors(texts, fc.store.embedder)
        from factcheck.types import Passage

        filler = PassageStore(fc.store.client, fc.store.embedder, fc.store.collection_name)
        filler.write(
            [
                Passage(
                    id=f"f{j}", text=t, source_id=f"f{j // 40}", title="filler", start=0, end=len(t)
                )
                for j, t in enumerate(texts)
            ],
            vecs,
        )
        if hasattr(fc, "refresh_facts"):
            fc.refresh_facts()  # the filler's facts, as an ingest would store them
        claims = checkset.claim_set(fc.analyzer.nlp, n + 5)
        for c, day in claims[:5]:
            fc.check(c, dateline=day)
        rest = claims[5:]
        prof = cProfile.Profile()
        prof.enable()
        for day in sorted({d for _, d in rest}, key=str):
            list(fc.check_many([c for c, d in rest if d == day], dateline=day))
        prof.disable()
    for order in ("cumulative", "tottime"):
        buf = io.StringIO()
        pstats.Stats(prof, stream=buf).strip_dirs().sort_stats(order).print_stats(30)
        print(f"## {len(rest)} claims, by {order}\n")
        print(buf.getvalue())


if __name__ == "__main__":
    main()
