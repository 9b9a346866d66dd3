"""Deterministic synthetic news sentences for speed benchmarks (no shared data needed)."""

from __future__ import annotations

import random

PEOPLE = [
    "the mayor",
    "Senator Alvarez",
    "the health minister",
    "a UN spokesperson",
    "the company's chief executive",
    "police",
    "the governor",
    "Dr. Okafor",
]
PLACES = [
    "Lagos",
    "Lyon",
    "Ohio",
    "the northern province",
    "Bavaria",
    "Kerala",
    "Quebec",
    "the capital",
    "Manila",
    "Gdansk",
]
THINGS = [
    "homes",
    "jobs",
    "patients",
    "troops",
    "students",
    "flights",
    "vehicles",
    "tonnes of grain",
]
VERBS = ["said", "reported", "announced", "confirmed", "told reporters", "warned"]
WHEN = [
    "on Monday",
    "on Thursday",
    "last week",
    "in March",
    "earlier this month",
    "in 2019",
    "on January 10",
    "yesterday",
]
HEDGE = ["", "around ", "more than ", "nearly ", "at least ", "about "]
TEMPL = [
    "{p} {v} that {h}{n:,} {t} in {pl} were affected {w}.",
    "In {pl}, {h}{n:,} {t} were counted {w}, {p} {v}.",
    "The {d}-minute meeting in {pl} ended {w} with no agreement, {p} {v}.",
    "{p} {v} {w} that spending in {pl} would rise by {pc}% to ${m} million.",
    "It was the {o} time {p} had visited {pl}, and {h}{n:,} people attended {w}.",
]
ORD = ["first", "second", "third", "fourth"]


def sentences(n: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        s = rng.choice(TEMPL).format(
            p=rng.choice(PEOPLE),
            v=rng.choice(VERBS),
            h=rng.choice(HEDGE),
            n=rng.randint(2, 250000),
            t=rng.choice(THINGS),
            pl=rng.choice(PLACES),
            w=rng.choice(WHEN),
            d=rng.choice([20, 45, 50, 90, 120]),
            pc=rng.randint(1, 40),
            m=rng.randint(2, 900),
            o=rng.choice(ORD),
        )
        out.append(s[0].upper() + s[1:])
    return out


def article(words: int, seed: int = 11) -> str:
    """About ``words`` words of news prose in paragraphs of four sentences."""
    sents, total, i = [], 0, 0
    pool = sentences(max(50, words // 8), seed)
    while total < words:
        s = pool[i % len(pool)]
        sents.append(s)
        total += len(s.split())
        i += 1
    paras = [" ".join(sents[j : j + 4]) for j in range(0, len(sents), 4)]
    return "date 2022-03-04 Synthetic report\n\n" + "\n\n".join(paras) + "\n"
