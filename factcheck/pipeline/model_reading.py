"""What the stance model is asked, and with which text: the claim without the dates the
rules found stated (rules/model_input.model_claim), against the passage alone, and, where
that leaves the model undecided, against the passage with the sentence it leans on
(rules/model_input.model_premise: '"It's carnage," he said.' after the sentence naming
him), whose answer counts only where the sentence before, alone, leaves the model
undecided too."""

from __future__ import annotations

from collections.abc import Callable

from factcheck.nlp.facts import TextFacts
from factcheck.rules.assessment import Assessment
from factcheck.rules.model_input import model_claim, model_passage, model_premise
from factcheck.thresholds import Thresholds
from factcheck.types import Passage, StanceProbs

StanceFn = Callable[[list[tuple[str, str]]], list[StanceProbs]]


class ModelReading:
    """The model's answers for the pairs a comparison asks about, each pair scored once
    (``scored`` keeps them for a second look at the same claims)."""

    def __init__(
        self, stance: StanceFn, scored: dict[tuple[str, str], StanceProbs], t: Thresholds
    ) -> None:
        self.stance, self.scored, self.t = stance, scored, t

    def _score(self, pairs: dict[int, tuple[str, str]]) -> None:
        new = sorted({x for x in pairs.values() if x not in self.scored})
        self.scored.update(zip(new, self.stance(new) if new else [], strict=True))

    def undecided(self, p: StanceProbs) -> bool:
        return p.supports < self.t.model_support and p.refutes < self.t.model_refute

    def __call__(
        self,
        passages: list[Passage],
        before: list[str | None],
        facts: list[TextFacts],
        rated: list[Assessment],
        ask: list[int],
    ) -> dict[int, StanceProbs]:
        """{index: the model's answer} for the ``ask`` indexes of ``passages`` (the model
        reads no date: it gets the claim as model_claim gives it)."""
        pairs = {i: (model_passage(passages[i].text), model_claim(rated[i])) for i in ask}
        self._score(pairs)
        wide: dict[int, tuple[str, str]] = {}
        alone: dict[int, tuple[str, str]] = {}
        for i in ask:
            prev = before[i]
            if prev and self.undecided(self.scored[pairs[i]]):
                text = model_premise(pairs[i][0], facts[i], prev)
                if text != pairs[i][0]:
                    wide[i] = (text, pairs[i][1])
                    alone[i] = (prev, pairs[i][1])
        self._score(wide)
        # What the two sentences say only if the one before says nothing alone: else the
        # answer is that sentence's ("A report said X." / "That report is wrong."), not
        # the passage's. (Asked only where the two together decide something.)
        wide = {i: x for i, x in wide.items() if not self.undecided(self.scored[x])}
        self._score({i: alone[i] for i in wide})
        return {
            i: self.scored[wide[i]]
            if i in wide and self.undecided(self.scored[alone[i]])
            else self.scored[pairs[i]]
            for i in ask
        }
