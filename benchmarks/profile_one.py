"""Where a warm check of one claim spends its time (issue #31, step 5): distinct claims
checked one by one under cProfile on the store of benchmarks.scale (build it first; the
cache folder is $FACTCHECK_BENCH_CACHE, as there).

    python -m benchmarks.profile_one [N_CLAIMS] > profile.txt
"""

from __future__ import annotations

import cProfile
import io
import pstats
import statistics
import sys
import time


def main() -> None:
    from benchmarks import checkset
    from benchmarks.scale import open_cached

    n = int(sys.argv[1]) if len(sys.argv) > 1 else 120
    fc = open_cached()
    # claims the scale benchmark's single checks do not use (they take the first 200)
    claims = checkset.claim_set(fc.analyzer.nlp, 210 + n)[200:]
    for c, d in claims[:10]:
        fc.check(c, dateline=d)  # warm
    prof = cProfile.Profile()
    lat = []
    prof.enable()
    for c, d in claims[10:]:
        t = time.perf_counter()
        fc.check(c, dateline=d)
        lat.append((time.perf_counter() - t) * 1000)
    prof.disable()
    print(f"{len(lat)} distinct claims, {fc.store.count():,} passages, one by one under cProfile")
    print(f"p50 {statistics.median(lat):.0f} ms (with the profiler's overhead)")
    out = io.StringIO()
    pstats.Stats(prof, stream=out).sort_stats("cumulative").print_stats(45)
    print(out.getvalue())


if __name__ == "__main__":
    main()
