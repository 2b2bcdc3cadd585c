"""SARIF rule descriptors (``tool.driver.rules[]``) from the catalogue, in German."""

from __future__ import annotations

import functools
import importlib.metadata
from typing import Any

import regex

from lbcheck.criteria.loader import BUILTIN_SETS
from lbcheck.errors import MESSAGES, IngestCode
from lbcheck.i18n import current, english, tr
from lbcheck.models import RuleInfo, Severity

# Used only when the package metadata is missing (a source tree that was never installed); the
# same address as ``Repository`` in pyproject's [project.urls], which a test keeps in step.
_REPOSITORY = "https://github.com/lbcheck/lbcheck"
_CATALOGUE_PAGES = "/blob/main/docs/criteria/"
LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_NOT_SLUG = regex.compile(r"[^\p{L}\p{M}\p{N}\p{Pc}\- ]")
_MAX_DESCRIPTION = 1024  # GitHub's limit for short and full descriptions


def heading_anchor(heading: str) -> str:
    """The anchor GitHub gives a Markdown heading (lower case, punctuation dropped)."""
    return _NOT_SLUG.sub("", heading.lower()).replace(" ", "-")


@functools.cache
def repository_url() -> str:
    """``Repository`` of the installed package's ``[project.urls]``."""
    try:
        urls: list[str] = importlib.metadata.metadata("lbcheck").get_all("Project-URL") or []
    except importlib.metadata.PackageNotFoundError:
        urls = []
    for entry in urls:
        label, _, url = str(entry).partition(",")
        if label.strip().lower() == "repository" and url.strip():
            return url.strip().rstrip("/")
    return _REPOSITORY


def default_docs_url() -> str:
    """Where the generated catalogue pages (``docs/criteria/<set>.md``) are published."""
    return repository_url() + _CATALOGUE_PAGES


def help_uri(rule: RuleInfo, docs_url: str | None = None) -> str | None:
    """The rule's section on its set's page under ``docs_url``; custom sets have no page."""
    if rule.set not in BUILTIN_SETS:
        return None
    base = docs_url or default_docs_url()
    anchor = heading_anchor(f"{rule.code} {rule.name} – {rule.advice.title}")
    return f"{base if base.endswith('/') else base + '/'}{rule.set}.md#{anchor}"


def _clip(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _MAX_DESCRIPTION else text[: _MAX_DESCRIPTION - 1] + "…"


def _help(rule: RuleInfo) -> dict[str, str]:
    a = rule.advice
    basis = "; ".join(ref for ref, _ in a.legal_basis)
    label = tr("Besser so") if rule.kind == "rule" else tr("Textbaustein")
    why, law, proof = tr("Warum"), tr("Rechtsgrundlage"), tr("Nachweis")
    text = [f"{why}: {a.rationale}", f"{law}: {basis}", f"{label}: {a.model_clause}"]
    links = "; ".join(f"[{ref}]({src})" for ref, src in a.legal_basis)
    markdown = [
        f"**{why}.** {a.rationale}",
        f"**{law}.** {links}",
        f"**{label}.**\n\n> {a.model_clause}",
    ]
    if a.proof:
        text.append(f"{proof}: {a.proof}")
        markdown.append(f"**{proof}.** {a.proof}")
    return {"text": "\n\n".join(text), "markdown": "\n\n".join(markdown)}


def rule_descriptor(rule: RuleInfo, docs_url: str | None = None) -> dict[str, Any]:
    kind = tr("Regel") if rule.kind == "rule" else tr("Kriterium")
    descriptor: dict[str, Any] = {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": _clip(f"{kind}: {rule.advice.title}")},
        "fullDescription": {"text": _clip(rule.advice.message)},
        "help": _help(rule),
        "defaultConfiguration": {"level": LEVEL[rule.severity]},
        "properties": {"tags": [rule.set, rule.dimension, rule.kind]},
    }
    uri = help_uri(rule, docs_url)
    if uri:
        descriptor["helpUri"] = uri
    return descriptor


def file_error_descriptor(code: str) -> dict[str, Any]:
    """A rule for an unreadable file (``no-text``, ``corrupt`` ...), so it can be a result."""
    known = {c.value: c for c in IngestCode}
    message = MESSAGES[known[code]] if code in known else tr("Die Datei wurde nicht geprüft.")
    if current() == "en" and code in known:
        message = english()["ingest"][code]
    return {
        "id": code,
        "name": f"datei-{code}",
        "shortDescription": {"text": tr("Datei nicht lesbar ({code})", code=code)},
        "fullDescription": {"text": _clip(message)},
        "help": {"text": message},
        "defaultConfiguration": {"level": "error"},
        "properties": {"tags": ["datei"]},  # a stable tag, not a text
    }
