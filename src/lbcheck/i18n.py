"""The language of lbcheck's own texts: German (the default) or English (``--lang en``).

German is written in the code, where the text is used; it is also the key. English lives as data
in ``locale/en.toml`` (``[messages]`` maps each German template to its English one, plus nouns,
labels, the messages for unreadable files and ``[help]`` for the command line's help). A missing
English text falls back to German; tests keep the table complete for every ``tr("…")`` in the
sources and the HTML templates (which call ``tr`` as a Jinja global), for the words of the page
script and for every help text.

Only lbcheck's own texts change. The catalogue (criterion titles, messages, model clauses) is
German data about German procurement law and stays German; names from documents stay as they
are. The language of a run is set once at the edge (:func:`use`) and read where texts are made.
"""

from __future__ import annotations

import contextlib
import functools
import tomllib
from collections.abc import Iterator
from contextvars import ContextVar
from dataclasses import replace
from importlib import resources
from typing import Any, Literal

from lbcheck.models import DocumentReport, ErrorInfo, Location, Report

Lang = Literal["de", "en"]
LANGS: tuple[Lang, ...] = ("de", "en")
ENV_VAR = "LBCHECK_LANG"

_current: ContextVar[Lang] = ContextVar("lbcheck_lang", default="de")
# The language the user asked for (--lang, LBCHECK_LANG), None when nobody chose: the web app
# then follows the browser's Accept-Language.
_chosen: ContextVar[Lang | None] = ContextVar("lbcheck_lang_chosen", default=None)


def parse_lang(value: str, source: str = "--lang") -> Lang:
    """``"en"``, ``"EN"``, ``"en_GB.UTF-8"`` -> ``"en"``; anything else is a usage error."""
    from lbcheck.errors import UsageError

    short = value.strip().lower().replace("-", "_").split("_")[0].split(".")[0]
    if short not in LANGS:
        raise UsageError(
            tr("{source} erwartet de oder en, nicht {value!r}.", source=source, value=value)
        )
    return short


def current() -> Lang:
    return _current.get()


def chosen() -> Lang | None:
    """The language set with :func:`set_language` in this run, None if none was set."""
    return _chosen.get()


def set_language(lang: Lang) -> None:
    """Set the language for the rest of this run (the command line does this once)."""
    _current.set(lang)
    _chosen.set(lang)


@contextlib.contextmanager
def use(lang: Lang) -> Iterator[None]:
    """The language for the texts made inside the ``with`` block (a choice made inside it with
    :func:`set_language` ends with it too)."""
    token = _current.set(lang)
    chosen_token = _chosen.set(_chosen.get())
    try:
        yield
    finally:
        _chosen.reset(chosen_token)
        _current.reset(token)


def from_accept_language(header: str | None, default: Lang = "de") -> Lang:
    """The language a browser prefers among ``de`` and ``en`` (``Accept-Language``, RFC 9110
    q-values); ``default`` when it names neither."""
    best: tuple[float, int, Lang] | None = None
    for index, item in enumerate((header or "").split(",")):
        tag, _, params = item.strip().partition(";")
        short = tag.strip().lower().split("-")[0]
        if short not in LANGS:
            continue
        quality = 1.0
        for param in params.split(";"):
            key, _, value = param.strip().partition("=")
            if key.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if quality <= 0:
            continue
        lang: Lang = "de" if short == "de" else "en"
        if best is None or (quality, -index) > best[:2]:
            best = (quality, -index, lang)
    return best[2] if best is not None else default


@functools.cache
def english() -> dict[str, Any]:
    """The English table (``locale/en.toml``)."""
    text = resources.files("lbcheck").joinpath("locale", "en.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def tr(template: str, /, **fields: object) -> str:
    """``template`` (German, with ``{name}`` fields) in the current language, filled in."""
    text = template
    if current() == "en":
        text = english()["messages"].get(template, template)
    return text.format(**fields) if fields else text


def decimal(value: float, spec: str = ".1f") -> str:
    """A number formatted with ``spec`` as the current language writes it: ``4,9`` / ``4.9``."""
    text = format(value, spec)
    return text if current() == "en" else text.replace(".", ",")


def noun(n: int, singular: str) -> str:
    """The noun (given as its German singular) in the number ``n`` asks for."""
    if current() == "en":
        one, many = english()["nouns"][singular]
        return str(one if n == 1 else many)
    from lbcheck.reporters.german import plural

    return plural(n, singular)


def counted(n: int, singular: str) -> str:
    """``n`` and the noun in the right number: ``2 Kriterien`` / ``2 criteria``."""
    return f"{n} {noun(n, singular)}"


def label(kind: str, key: str, german: dict[str, str]) -> str:
    """A label for a code (``status``, ``severity``, ``place``, ``set``, ``kind``)."""
    if current() == "en":
        found = english()["labels"][kind].get(key)
        if found is not None:
            return str(found)
    return german.get(key, key)


def where(location: Location) -> str:
    """``S. 3, Abschnitt 3.2 Papier, Abs. 2`` / ``p. 3, section 3.2 Papier, para. 2``."""
    if current() == "de":
        return location.describe()
    parts: list[str] = []
    if location.page is not None:
        parts.append(f"p. {location.page}")
    if location.section:
        parts.append(f"section {location.section[-1]}")
    if location.table is not None:
        cell = f"table {location.table}"
        if location.row is not None:
            cell += f" row {location.row}"
        if location.column is not None:
            cell += f" col. {location.column}"
        parts.append(cell)
    elif location.paragraph is not None:
        parts.append(f"para. {location.paragraph}")
    if location.line is not None:
        parts.append(f"line {location.line}")
    return ", ".join(parts) if parts else "document"


def error_message(code: str, german: str, lang: Lang) -> str:
    """The message of an unreadable file in ``lang``: by its German text where the worker pool
    or the runner made it (timeout, memory, crash, internal error), else by its code."""
    if lang == "de":
        return german
    found = english()["messages"].get(german) or english()["ingest"].get(code)
    return str(found) if found is not None else german


def localized(report: Report, lang: Lang) -> Report:
    """The report with lbcheck's own sentences in ``lang``: the messages of unreadable files and
    the reasons of the eForms hints (both made in the worker processes, in German); everything
    else in a report is data."""
    if lang == "de":
        return report
    reasons: dict[str, str] = english()["eforms_reason"]
    docs: list[DocumentReport] = []
    for original in report.documents:
        doc, error = original, original.error
        if error is not None:
            message = error_message(error.code, error.message, lang)
            doc = replace(doc, error=ErrorInfo(error.code, message, error.detail))
        if doc.eforms:
            hints = tuple(replace(h, reason=reasons.get(h.code, h.reason)) for h in doc.eforms)
            doc = replace(doc, eforms=hints)
        docs.append(doc)
    return Report(tuple(docs), report.rules)
