"""Settings: loaded once at the edge (CLI, app, API constructor) and passed down."""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Any, Literal

from pydantic import Field, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from factcheck.errors import ConfigError

MAX_CLAIM_CHARS = 1000


class Settings(BaseSettings):
    """Every knob in one place. Environment variables use the ``FACTCHECK_`` prefix."""

    model_config = SettingsConfigDict(env_prefix="FACTCHECK_", extra="forbid")

    store_dir: Path = Field(default=Path("vectorstore"), description="embedded Chroma folder")
    chroma_url: str | None = Field(
        default=None, description="Chroma server, e.g. http://127.0.0.1:8000"
    )
    collection: str = "factcheck"
    top_k: int = Field(default=5, ge=1, le=100)
    search_ef: int | None = Field(
        default=None,
        ge=10,
        le=100_000,
        description="HNSW search breadth; unset, by the store's size (100 to 1,000)",
    )
    min_score: float = Field(
        default=0.2, ge=-1.0, le=1.0, description="drop passages below this cosine"
    )
    claim_threshold: float = Field(
        default=0.5, ge=0.0, le=1.0, description="check-worthiness cut-off"
    )
    max_claim_chars: int = Field(default=MAX_CLAIM_CHARS, ge=10)
    max_article_chars: int = Field(default=200_000, ge=100)
    max_passage_chars: int = Field(default=600, ge=80)
    max_source_bytes: int = Field(
        default=200_000_000, ge=1000, description="larger source files are refused"
    )
    embed_batch_size: int = Field(default=64, ge=1)
    use_stance_model: bool = True
    match_reviews: bool = Field(
        default=True, description="show earlier reviews (verdict memory) with each verdict"
    )
    backend: Literal["onnx", "torch"] = Field(
        default="onnx", description="run the models on ONNX Runtime (fast start) or torch"
    )
    llm_judge: str | None = Field(
        default=None, description="e.g. 'ollama:llama3.1' or 'openai:gpt-4o-mini'"
    )
    llm_base_url: str | None = None
    web_users: str | None = Field(
        default=None,
        description="web app logins, 'name:password,...' (a password may be sha256:<hex>); "
        "required when the app listens beyond 127.0.0.1",
        repr=False,
    )
    web_editors: str | None = Field(
        default=None,
        description="comma-separated logins that may ingest, remove and set trust "
        "(unset: every login may)",
    )
    web_max_batch: int = Field(default=16, ge=1, le=256, description="checks batched together")
    desk_reports: Path | None = Field(
        default=None,
        description="the reports folder of a `factcheck watch`, shown in the web app's Desk tab",
    )
    author: str = "factcheck"
    publisher_url: str = ""
    language: str = Field(
        default="en", description="the vocabulary the rules read (a folder of factcheck/lang/)"
    )
    date_order: Literal["", "dmy", "mdy"] = Field(
        default="",
        description="how to read numeric dates such as 03/04/2021 (day first: dmy; month "
        "first: mdy); unset, a date whose parts could both be the month is refused",
    )

    @field_validator("language")
    @classmethod
    def _language(cls, v: str) -> str:
        from factcheck.lang import languages

        if v not in languages():
            raise ValueError(f"no vocabulary for language {v!r}; available: {languages()}")
        return v

    @field_validator("chroma_url")
    @classmethod
    def _url(cls, v: str | None) -> str | None:
        if v in (None, ""):
            return None
        assert v is not None
        if not v.startswith(("http://", "https://")):
            raise ValueError(f"chroma_url must start with http:// or https://, got {v!r}")
        return v.rstrip("/")


def load_settings(config_file: str | Path | None = None, **overrides: Any) -> Settings:
    """Build Settings from (lowest first) defaults, a TOML file, the environment, overrides.

    The file is ``config_file`` or ``$FACTCHECK_CONFIG``; keys are the field names, either
    at the top level or under a ``[factcheck]`` table.
    """
    file_values: dict[str, Any] = {}
    path = config_file or os.environ.get("FACTCHECK_CONFIG")
    if path:
        p = Path(path)
        try:
            data = tomllib.loads(p.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ConfigError(f"Config file not found: {p}") from None
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as ex:
            raise ConfigError(f"Cannot read config file {p}: {ex}") from None
        file_values = dict(data.get("factcheck", data))
    env_values = {
        name: os.environ[f"FACTCHECK_{name.upper()}"]
        for name in Settings.model_fields
        if f"FACTCHECK_{name.upper()}" in os.environ
    }
    merged = {**file_values, **env_values, **{k: v for k, v in overrides.items() if v is not None}}
    try:
        # Pass everything explicitly so precedence is ours, not pydantic-settings' default.
        return Settings.model_validate(merged)
    except ValidationError as ex:
        problems = "; ".join(
            f"{'.'.join(str(x) for x in e['loc'])}: {e['msg']}" for e in ex.errors()
        )
        raise ConfigError(f"Invalid settings: {problems}") from None
