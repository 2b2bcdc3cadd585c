"""The template layer every HTML page of lbcheck shares: one Jinja2 environment over the
package's ``templates/`` folder, autoescaped, with the stylesheet and script inlined.

A page is one self-contained file: no server, no network, no external fonts or scripts. The
Content-Security-Policy admits only the inlined style and script (by hash), so even a text that
slipped past escaping could not run. Pages extend ``base.html.j2`` (blocks ``title``,
``header``, ``nav``, ``content``) and call :func:`render_page`.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from collections.abc import Iterator
from functools import cache
from importlib.resources import files
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, meta, select_autoescape
from markupsafe import Markup

from lbcheck import __version__
from lbcheck.i18n import counted, current, english, label, tr, use, where
from lbcheck.reporters.safe_text import clean

_TEMPLATES = files("lbcheck.reporters.html") / "templates"


def asset(name: str) -> str:
    """A file of the package's ``templates/`` folder (``styles.css``, ``report.js``)."""
    return (_TEMPLATES / name).read_text(encoding="utf-8")


_JS_STRING = re.compile(r'"([^"\\\n]*)"')


def localized_script(text: str) -> str:
    """``text`` (JavaScript) with each string literal that is one of lbcheck's texts in the
    current language; in German the script stays byte for byte as it is."""
    if current() == "de":
        return text
    messages = english()["messages"]
    return _JS_STRING.sub(
        lambda m: json.dumps(messages[m.group(1)]) if m.group(1) in messages else m.group(0),
        text,
    )


def _csp_hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def _finalize(value: object) -> object:
    # Every plain string printed into a page loses controls and bidi overrides (they could
    # reorder what a reader sees); trusted markup (the inlined assets) is left as it is.
    if isinstance(value, str) and not isinstance(value, Markup):
        return clean(value)
    return value


def _http_link(url: str) -> str:
    """``url`` if it is a web address, else an empty string (never ``javascript:``)."""
    return url if url.startswith(("https://", "http://")) else ""


@cache
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("lbcheck.reporters.html", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        finalize=_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["http_link"] = _http_link
    env.globals["version"] = __version__
    # lbcheck's own texts, in the language of the render (lbcheck.i18n; English in en.toml).
    env.globals["tr"] = tr
    env.globals["counted"] = counted
    env.globals["label"] = label
    env.globals["place_text"] = where
    env.globals["page_lang"] = current
    return env


def prepare(template: str) -> None:
    """Compile ``template`` and every template it extends, imports or includes, so that the
    first render does not pay for it (Jinja keeps compiled templates in the environment)."""
    env = environment()
    assert env.loader is not None
    todo, seen = [template], set()
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        env.get_template(name)
        source = env.loader.get_source(env, name)[0]
        todo.extend(n for n in meta.find_referenced_templates(env.parse(source)) if n)


# Pages whose own templates have no English yet: German as a whole rather than a mixed page.
GERMAN_ONLY: frozenset[str] = frozenset()


def render_page(
    template: str, styles: tuple[str, ...] = (), scripts: tuple[str, ...] = (), **context: Any
) -> str:
    """Render ``template`` with the shared stylesheet and script (plus ``styles`` and
    ``scripts``) inlined, in the current language (``lbcheck.i18n``)."""
    return "".join(stream_page(template, styles, scripts, **context))


def stream_page(
    template: str, styles: tuple[str, ...] = (), scripts: tuple[str, ...] = (), **context: Any
) -> Iterator[str]:
    """:func:`render_page` piece by piece: a page over thousands of documents is written out
    as it is rendered instead of being held whole (with every piece) in memory."""
    if template in GERMAN_ONLY and current() != "de":
        with use("de"):
            yield from stream_page(template, styles, scripts, **context)
        return
    css = "\n".join([asset("styles.css"), *(asset(s) for s in styles)])
    script = localized_script("\n".join([asset("report.js"), *(asset(s) for s in scripts)]))
    csp = (
        "default-src 'none'; img-src data:; "
        f"style-src {_csp_hash(css)}; script-src {_csp_hash(script)}"
    )
    yield from (
        environment()
        .get_template(template)
        .generate(css=Markup(css), script=Markup(script), csp=csp, **context)
    )
