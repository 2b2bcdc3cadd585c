"""The German lexicon (``criteria/lexicon.yaml``): the wording by which the engine tells how
binding a sentence is, where in a tender it stands, whether it is scored and what is bought.

Each entry is a list of regular-expression alternatives with examples; the engine asks for an
entry by name and gets one compiled pattern.
"""

from __future__ import annotations

from functools import cache

import regex
import yaml
from pydantic import BaseModel, ConfigDict, Field
from regex import Pattern

from lbcheck.criteria.builtin import builtin_dir

# The entries' field `regex` shadows the module inside the model class.
_UNICODE, _IGNORECASE, _compile = regex.UNICODE, regex.IGNORECASE, regex.compile


class LexiconExamples(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    match: tuple[str, ...] = Field(min_length=1)
    no_match: tuple[str, ...] = ()


class LexiconEntry(BaseModel):
    """One word family: its name in the code, a German title and explanation, its patterns."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    title: str = Field(min_length=3)
    description: str = Field(min_length=10)
    case_sensitive: bool = False
    regex: tuple[str, ...] = Field(min_length=1)
    examples: LexiconExamples

    def alternatives(self) -> tuple[str, ...]:
        """The alternatives as they read on their own (case sensitivity made explicit)."""
        if self.case_sensitive:
            return tuple(f"(?-i:{alt})" for alt in self.regex)
        return self.regex

    def compile(self) -> Pattern[str]:
        flags = _UNICODE | (0 if self.case_sensitive else _IGNORECASE)
        return _compile("|".join(f"(?:{alt})" for alt in self.regex), flags)


class IloConventions(BaseModel):
    """The ILO core conventions by number: the eight until 2022 and the two added then."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    classic: tuple[str, ...] = Field(min_length=8, max_length=8)
    added_2022: tuple[str, ...] = Field(min_length=2, max_length=2)


class Lexicon(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    title: str
    ilo_core_conventions: IloConventions
    # Lower case, without the final period: "z.b", "ziff".
    abbreviations: tuple[str, ...] = Field(min_length=1)
    entries: tuple[LexiconEntry, ...] = Field(min_length=1)


@cache
def lexicon() -> Lexicon:
    text = (builtin_dir() / "lexicon.yaml").read_text(encoding="utf-8")
    return Lexicon.model_validate(yaml.safe_load(text))


def entry(name: str) -> LexiconEntry:
    """One lexicon entry by name; an unknown name is a KeyError naming the file."""
    for found in lexicon().entries:
        if found.name == name:
            return found
    raise KeyError(f"lexicon entry {name!r} is missing from lexicon.yaml")


@cache
def pattern(name: str) -> Pattern[str]:
    """The compiled pattern of one lexicon entry; an unknown name is a programming error."""
    return entry(name).compile()
