"""The Python API takes what it documents, or refuses it with a FactCheckError naming the
argument (issue #30): None, numbers, bytes and wrong containers never surface as a plain
AttributeError / TypeError / KeyError, a single path is one path, a single claim is one
claim."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.errors import FactCheckError, InputError
from factcheck.types import Verdict

BAD = [None, 123, b"bytes", {"a": 1}]


def _calls(fc, bad):
    """Every public method, with ``bad`` in each argument in turn."""
    return [
        ("extract_claims", lambda: fc.extract_claims(bad)),
        ("extract_claims dateline", lambda: fc.extract_claims("Sales rose 5%.", bad or 1)),
        ("check", lambda: fc.check(bad)),
        ("check dateline", lambda: fc.check("Sales rose 5%.", dateline=bad or 20211231)),
        ("check source", lambda: fc.check("Sales rose 5%.", source=bad or 7)),
        ("check_many", lambda: list(fc.check_many(bad))),
        ("check_many dateline", lambda: list(fc.check_many(["x y z"], dateline=bad or 5))),
        ("check_article", lambda: fc.check_article(bad)),
        ("check_article dateline", lambda: fc.check_article("Sales rose 5%.", bad or 9)),
        ("search", lambda: fc.search(bad)),
        ("search dates", lambda: fc.search("sales", date_from=bad or 3)),
        ("search k", lambda: fc.search("sales", k=-1 if bad is None or bad == 123 else bad)),
        ("ingest", lambda: fc.ingest(bad if bad is not None else None)),
        ("ingest item", lambda: fc.ingest([bad])),
        ("ingest_text", lambda: fc.ingest_text(bad, name="n")),
        ("ingest_text name", lambda: fc.ingest_text("Sales rose.", name=bad)),
        ("ingest_text dateline", lambda: fc.ingest_text("x", name="n", dateline=bad or 1)),
        ("set_trust", lambda: fc.set_trust(bad, 0.5)),
        ("set_trust trust", lambda: fc.set_trust("s", bad)),
        ("remove", lambda: fc.remove(bad)),
        ("import_reviews", lambda: fc.import_reviews(bad)),
        ("remove_review", lambda: fc.remove_review(bad)),
        ("remember", lambda: fc.remember(bad)),
        ("remember item", lambda: fc.remember([bad])),
    ]


@pytest.mark.parametrize("bad", BAD, ids=["none", "number", "bytes", "dict"])
def test_every_public_method_refuses_a_wrong_argument_with_a_typed_error(hash_checker, bad):
    leaked = []
    for name, call in _calls(hash_checker, bad):
        try:
            call()
        except FactCheckError:
            continue
        except Exception as ex:  # the point: nothing else may escape
            leaked.append(f"{name}: {type(ex).__name__}: {ex}")
        else:
            # a dict is a verdict row: remembering a row without a label stores nothing
            if not (name == "remember item" and isinstance(bad, dict)):
                leaked.append(f"{name}: accepted {bad!r}")
    assert not leaked, leaked


def test_the_error_names_the_argument(hash_checker):
    with pytest.raises(InputError, match="dateline must be a date"):
        hash_checker.check("Sales rose 5%.", dateline=20211231)
    with pytest.raises(InputError, match=r"paths\[1\] must be a path"):
        hash_checker.ingest(["a.txt", None])
    with pytest.raises(InputError, match="'31/12/2021' is not a date"):
        hash_checker.check("Sales rose 5%.", dateline="31/12/2021")


def test_one_path_is_one_path_not_its_characters(hash_checker, tmp_path):
    (tmp_path / "wire.txt").write_text("The port handled 200 ships in May.\n", encoding="utf-8")
    got = hash_checker.ingest(str(tmp_path))
    assert got.files == 1 and got.added == 1
    got = hash_checker.ingest(tmp_path / "wire.txt")
    assert got.files == 1 and got.unchanged == 1


def test_a_bad_claim_in_a_batch_yields_its_own_error(hash_checker):
    out = list(hash_checker.check_many(["The port handled 200 ships in May.", None]))
    assert isinstance(out[0], Verdict) and isinstance(out[1], InputError)


def test_one_claim_is_one_claim(hash_checker):
    out = list(hash_checker.check_many("The port handled 200 ships in May."))
    assert len(out) == 1 and isinstance(out[0], Verdict)


def test_dates_as_datetimes_and_iso_strings_are_taken(hash_checker):
    a = hash_checker.check("Sales rose 5% on Tuesday.", dateline="2021-12-31")
    b = hash_checker.check("Sales rose 5% on Tuesday.", dateline=dt.datetime(2021, 12, 31, 9))
    assert a.claim.dateline == b.claim.dateline == dt.date(2021, 12, 31)
