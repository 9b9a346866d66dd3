"""A real ``run_batch`` over a deterministic fake checker, run as its own process by the
kill tests: it starts in well under a second, so a test can kill and resume it many times.

Usage: python -m tests.helpers.batch_worker INPUT OUT FORMAT [--resume]
"""

from __future__ import annotations

import datetime as dt
import hashlib
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from factcheck.config import Settings
from factcheck.errors import InputError
from factcheck.interfaces.batch.run import run_batch
from factcheck.types import Claim, Evidence, Label, Passage, Stance, Verdict

LABELS = list(Label)


class FakeChecker:
    """Verdicts that depend only on the claim's text; evidence with quotes, commas and
    newlines, so CSV rows hold multi-line quoted fields."""

    settings = Settings(use_stance_model=False, author="desk", publisher_url="https://x.test")

    def extract_claims(self, text: str) -> list[Claim]:
        return []

    def check_many(
        self, claims: list[Any], dateline: dt.date | None = None, source: str | None = None
    ) -> Iterator[Verdict | InputError]:
        for c in claims:
            text = c if isinstance(c, str) else c.text
            time.sleep(0.004)  # long enough for kills to land between and inside rows
            if "fail" in text:
                yield InputError("the claim asked to fail")
                continue
            h = int(hashlib.sha256(text.encode()).hexdigest(), 16)
            body = f'He said "{text}",\nand then, on a new line: {h % 997} ' + "x" * (h % 300)
            p = Passage(
                str(h % 10**8), body, "src.txt", "Source", 0, len(body), dt.date(2021, 1, 2)
            )
            ev = Evidence(p, Stance.SUPPORTS, 0.9, "values match", passage_spans=((0, 4),))
            yield Verdict(
                Claim("c", text, (0, len(text))),
                LABELS[h % 4],
                0.5 + (h % 50) / 100,
                f"because {text!r}",
                (ev,),
            )


def main() -> None:
    inp, out, fmt, *rest = sys.argv[1:]
    run_batch(FakeChecker(), Path(inp), out=Path(out), fmt=fmt, resume="--resume" in rest, chunk=2)


if __name__ == "__main__":
    main()
