"""The table of subjects (what a tender buys), read from ``criteria/subjects.yaml``."""

from __future__ import annotations

from functools import cache

import yaml
from pydantic import BaseModel, ConfigDict, Field

from lbcheck.criteria.builtin import builtin_dir


class Subject(BaseModel):
    """One subject: its code, German label, CPV prefixes and vocabulary (lemma word starts)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    label: str = Field(min_length=3)
    cpv: tuple[str, ...] = ()
    vocabulary: tuple[str, ...] = ()
    # Subjects often bought together with this one in a single tender (a website is design
    # and IT): such a second subject counts without being named in a title or heading.
    combines_with: tuple[str, ...] = ()


class SubjectTable(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    title: str
    subjects: tuple[Subject, ...] = Field(min_length=1)


@cache
def subject_table() -> SubjectTable:
    text = (builtin_dir() / "subjects.yaml").read_text(encoding="utf-8")
    return SubjectTable.model_validate(yaml.safe_load(text))


def combine(first: str, second: str) -> bool:
    """True when the two subjects are often bought together (declared on either side)."""
    table = {s.name: s.combines_with for s in subject_table().subjects}
    return second in table.get(first, ()) or first in table.get(second, ())


def subject_names() -> tuple[str, ...]:
    return tuple(s.name for s in subject_table().subjects)


def subject_label(name: str) -> str:
    """The German label of a subject (the code itself if unknown)."""
    return next((s.label for s in subject_table().subjects if s.name == name), name)
