"""Optional LLM judge: any LangChain chat model gives a passage's stance on a claim.

Off by default. Its answer only ever fills the role of the stance model: compare.py runs the
value comparison first, so a judge can never turn a value mismatch into SUPPORTS.
Rendering and parsing are separate functions, each testable without a model.
"""

from __future__ import annotations

import json
import re
from functools import cache
from typing import Any, Literal

from pydantic import BaseModel, Field, ValidationError

from factcheck.backends.prompts import load_prompt
from factcheck.errors import ConfigError, ModelOutputError
from factcheck.lang import Vocabulary, alternation, resolve
from factcheck.types import StanceProbs

PROMPT = "verify.v2"  # v2: claim and evidence passed as quoted JSON data


@cache
def _instructions(vocab: Vocabulary) -> re.Pattern[str]:
    """Text in a passage that speaks to the model instead of about the world (prompt
    injection; the words are the language's injection.json): such a passage is never sent
    to the judge; it counts as NEUTRAL evidence."""
    w = vocab.injection

    def one(words: tuple[str, ...]) -> str:
        return f"(?:{alternation(words)})"

    def optional(words: tuple[str, ...]) -> str:
        return rf"(?:{one(words)}\s+)?"

    dismissal = (
        rf"\b{one(w.dismiss)}\s+{optional(w.quantifiers)}{one(w.earlier)}\s+{one(w.instructions)}"
    )
    dictated = rf"\b{one(w.dictate)}\s+{optional(w.dictate_with)}[\"'“]?{one(w.verdicts)}\b"
    article = optional(vocab.indefinite_articles)
    role = rf"{one(w.you_are)}\s+{optional(w.now)}{article}{one(w.roles)}"
    return re.compile(
        rf"{dismissal}|{dictated}|\b(?:{alternation(w.addresses)}|{role})", re.IGNORECASE
    )


def looks_like_instructions(text: str, *, vocab: Vocabulary | None = None) -> bool:
    """Does this passage address the model ("ignore previous instructions", "answer
    SUPPORTS") rather than state facts? ``vocab``: the language's words (English when
    None)."""
    return bool(_instructions(resolve(vocab)).search(text))


class JudgeAnswer(BaseModel):
    """The JSON the judge must return."""

    stance: Literal["SUPPORTS", "REFUTES", "NEUTRAL"]
    confidence: float = Field(ge=0.0, le=1.0)
    reason: str = ""


def render(claim: str, evidence: str, source: str = "", dateline: str = "") -> str:
    return str(
        load_prompt(PROMPT).render(
            claim=claim, evidence=evidence, source=source or "source", dateline=dateline
        )
    )


_JSON = re.compile(r"\{.*\}", re.DOTALL)


def parse(raw: str) -> JudgeAnswer:
    """Validate the judge's reply; tolerate prose or code fences around one JSON object."""
    m = _JSON.search(raw or "")
    if not m:
        raise ModelOutputError("The judge's reply has no JSON object", raw)
    try:
        return JudgeAnswer.model_validate(json.loads(m.group(0)))
    except (json.JSONDecodeError, ValidationError) as ex:
        raise ModelOutputError(f"The judge's reply is not valid: {ex}", raw) from None


def to_probs(a: JudgeAnswer) -> StanceProbs:
    rest = (1.0 - a.confidence) / 2
    return StanceProbs(
        supports=a.confidence if a.stance == "SUPPORTS" else rest,
        refutes=a.confidence if a.stance == "REFUTES" else rest,
        neutral=a.confidence if a.stance == "NEUTRAL" else rest,
    )


NEUTRAL = StanceProbs(0.0, 0.0, 1.0)


class LLMJudge:
    """Callable like the stance model: ``[(evidence, claim), ...] -> [StanceProbs, ...]``.

    A reply that fails validation counts as NEUTRAL (it must not sink the check).
    """

    prompt = PROMPT

    def __init__(self, model: Any, *, vocab: Vocabulary | None = None) -> None:
        """``vocab``: the language of the passages (English when None), whose words tell a
        passage that addresses the model."""
        self.model = model
        self.vocab = vocab

    def __call__(self, pairs: list[tuple[str, str]]) -> list[StanceProbs]:
        # Passages that try to instruct the model are not shown to it at all.
        ask = [
            i
            for i, (evidence, _) in enumerate(pairs)
            if not looks_like_instructions(evidence, vocab=self.vocab)
        ]
        answers = iter(self._ask([pairs[i] for i in ask]))
        out = [NEUTRAL] * len(pairs)
        for i in ask:
            out[i] = next(answers)
        return out

    def _ask(self, pairs: list[tuple[str, str]]) -> list[StanceProbs]:
        if not pairs:
            return []
        prompts = [render(claim, evidence) for evidence, claim in pairs]
        replies = self.model.batch(prompts)
        out = []
        for r in replies:
            try:
                out.append(to_probs(parse(getattr(r, "content", r))))
            except ModelOutputError:
                out.append(NEUTRAL)
        return out


def chat_model_from_settings(spec: str, base_url: str | None = None) -> Any:
    """'ollama:llama3.1', 'openai:gpt-4o-mini' (any OpenAI-compatible server with base_url)."""
    provider, _, model = spec.partition(":")
    if not model:
        raise ConfigError(f"llm_judge must look like 'provider:model', got {spec!r}")
    try:
        from langchain.chat_models import init_chat_model

        kw: dict[str, Any] = {"temperature": 0}
        if base_url:
            kw["base_url"] = base_url
        return init_chat_model(model, model_provider=provider, **kw)
    except ImportError as ex:
        raise ConfigError(
            f"The {provider!r} chat model needs its LangChain package: {ex}. "
            f"For example: pip install langchain-{provider}"
        ) from None
    except Exception as ex:
        raise ConfigError(f"Cannot set up the LLM judge {spec!r}: {ex}") from None
