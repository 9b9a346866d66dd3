"""How fast a large ClaimReview file goes into the verdict memory (issue #30: a 50 MB file
showed no progress and had not finished after 300 s).

A JSON-LD file of distinct synthetic claims (benchmarks/synth.py), each with a rating,
author, date and URL like a fact-checker's export, imported through the API as `factcheck
reviews import` does, into an on-disk store with the shipped embedder. Reported: the
file's size, the time to the first progress report, the import rate, and where the time
goes (reading, analysing the claims, embedding, writing).

    python -m benchmarks.review_import [N_REVIEWS] [--profile]
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.synth import sentences


def write_file(path: Path, n: int) -> float:
    """A ClaimReview file of n distinct claims; returns its size in MB."""
    claims = sentences(n, seed=13)
    records = [
        {
            "@context": "https://schema.org",
            "@type": "ClaimReview",
            "url": f"https://desk.example/check/{i}",
            "claimReviewed": f"{c} ({i})",
            "author": {"@type": "Organization", "name": "Desk"},
            "datePublished": f"2021-{1 + i % 12:02d}-{1 + i % 28:02d}",
            "reviewRating": {
                "@type": "Rating",
                "ratingValue": 1 + i % 5,
                "bestRating": 5,
                "worstRating": 1,
                "alternateName": ("False", "Mostly false", "Mixed", "Mostly true", "True")[i % 5],
            },
        }
        for i, c in enumerate(claims)
    ]
    path.write_text(json.dumps(records), encoding="utf-8")
    return path.stat().st_size / 1e6


def measure(fc: Any, n: int) -> dict[str, float]:
    """Import n reviews into ``fc``'s memory; the figures of one run."""
    from factcheck.reviews.claimreview import read_reviews

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "reviews.json"
        mb = write_file(path, n)
        t0 = time.perf_counter()
        read_reviews(path, name=str(path))
        read_s = time.perf_counter() - t0
        first: list[float] = []

        def on_reviews(done: int) -> None:
            if not first:
                first.append(time.perf_counter() - t0)

        t0 = time.perf_counter()
        got = fc.import_reviews([path], on_reviews=on_reviews)
        total = time.perf_counter() - t0
    return {
        "mb": mb,
        "reviews": got.added,
        "read_s": read_s,
        "first_progress_s": first[0] if first else total,
        "total_s": total,
        "per_s": got.added / total,
    }


def run(make_checker: Any, row: Any, quick: bool) -> list[dict]:
    n = 2000 if quick else 20000
    with tempfile.TemporaryDirectory() as store:
        got = measure(make_checker(store), n)
    per_mb = got["reviews"] / got["mb"]
    return [
        row(
            "reviewimport",
            f"ClaimReview file of {got['reviews']:,} reviews (MB)",
            f"{got['mb']:.1f}",
        ),
        row("reviewimport", "read and parse the file (s)", f"{got['read_s']:.2f}"),
        row("reviewimport", "first progress report after (s)", f"{got['first_progress_s']:.1f}"),
        row("reviewimport", "import rate (reviews/s)", f"{got['per_s']:.0f}"),
        row(
            "reviewimport",
            "a 50 MB file at that rate (min)",
            f"{50 * per_mb / got['per_s'] / 60:.1f}",
        ),
    ]


if __name__ == "__main__":
    import cProfile
    import pstats

    from benchmarks.bench import _checker, _client

    n = int(sys.argv[1]) if len(sys.argv) > 1 and sys.argv[1].isdigit() else 3000
    with tempfile.TemporaryDirectory() as store:
        fc = _checker(_client(store))
        if "--profile" in sys.argv:
            prof = cProfile.Profile()
            prof.enable()
            print(measure(fc, n))
            prof.disable()
            pstats.Stats(prof).sort_stats("cumulative").print_stats(30)
        else:
            print(measure(fc, n))
