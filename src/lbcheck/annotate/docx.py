"""Word comments anchored on the runs of each sentence (python-docx >= 1.2 comments).

Only comment ranges, comment references and, where a sentence starts or ends inside a plain
run, a split of that run (same formatting on both halves) are added: text, formatting, tracked
changes, headers, tables and numbering stay as they were.
"""

from __future__ import annotations

import copy
import io

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml import etree

from lbcheck.annotate.notes import AUTHOR, INITIALS, Note, Notes, Placed
from lbcheck.annotate.textmap import find
from lbcheck.models import Location

_P, _R, _T, _TBL = qn("w:p"), qn("w:r"), qn("w:t"), qn("w:tbl")
_RPR = qn("w:rPr")
_DELETED = frozenset({qn("w:del"), qn("w:moveFrom")})
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_TITLE_STYLES = ("title", "titel")


def _own_runs(p: etree._Element) -> list[etree._Element]:
    """Runs of ``p`` itself: not of a text box inside it, not deleted by a tracked change."""
    runs = []
    for r in p.iter(_R):
        owner = r.getparent()
        while owner is not None and owner.tag != _P and owner.tag not in _DELETED:
            owner = owner.getparent()
        if owner is p:
            runs.append(r)
    return runs


def _run_text(r: etree._Element) -> str:
    return "".join(t.text or "" for t in r.iter(_T))


def _split(r: etree._Element, at: int) -> etree._Element | None:
    """Split a plain run (properties plus one ``w:t``) before character ``at``; the new right
    half is returned, or None when the run is not plain."""
    content = [c for c in r if c.tag != _RPR]
    if len(content) != 1 or content[0].tag != _T:
        return None
    text = content[0].text or ""
    right = copy.deepcopy(r)
    content[0].text = text[:at]
    right_t = right.find(_T)
    assert right_t is not None
    right_t.text = text[at:]
    for t in (content[0], right_t):
        t.set(_XML_SPACE, "preserve")
    r.addnext(right)
    return right


def _locate(p: etree._Element, excerpt: str) -> tuple[etree._Element, etree._Element] | None:
    """First and last run of ``excerpt`` in ``p``, splitting runs at its edges where possible."""
    runs = _own_runs(p)
    texts = [_run_text(r) for r in runs]
    span = find("".join(texts), excerpt)
    if span is None:
        return None
    start, end = span
    bounds, pos = [], 0
    for t in texts:
        bounds.append((pos, pos + len(t)))
        pos += len(t)
    first = next(i for i, (a, b) in enumerate(bounds) if a <= start < b)
    last = next(i for i, (a, b) in enumerate(bounds) if a < end <= b)
    last_run, first_run = runs[last], runs[first]
    if end < bounds[last][1]:
        _split(last_run, end - bounds[last][0])  # not plain: the comment covers the whole run
    if start > bounds[first][0]:
        right = _split(first_run, start - bounds[first][0])
        if right is not None:
            if first_run is last_run:
                last_run = right
            first_run = right
    return first_run, last_run


def _lift(el: etree._Element, p: etree._Element) -> etree._Element:
    """The ancestor of ``el`` (or ``el``) that is a direct child of paragraph ``p``."""
    while el.getparent() is not p:
        parent = el.getparent()
        assert parent is not None
        el = parent
    return el


def _mark(p: etree._Element, first: etree._Element, last: etree._Element, cid: int) -> None:
    start, end = _lift(first, p), _lift(last, p)
    start.addprevious(OxmlElement("w:commentRangeStart", attrs={qn("w:id"): str(cid)}))
    ref = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    rpr.append(OxmlElement("w:rStyle", attrs={qn("w:val"): "CommentReference"}))
    ref.append(rpr)
    ref.append(OxmlElement("w:commentReference", attrs={qn("w:id"): str(cid)}))
    end.addnext(ref)
    end.addnext(OxmlElement("w:commentRangeEnd", attrs={qn("w:id"): str(cid)}))


class _Body:
    """The paragraphs of the main text, with the places lbcheck's locations point to."""

    def __init__(self, body: etree._Element) -> None:
        self.top = [c for c in body if c.tag == _P]
        self.all = [p for p in body.iter(_P) if _own_runs(p)]
        self.tables = list(body.iter(_TBL))

    def preferred(self, loc: Location) -> list[etree._Element]:
        if loc.table is not None and 0 < loc.table <= len(self.tables):
            return list(self.tables[loc.table - 1].iter(_P))
        if loc.paragraph is not None and 0 < loc.paragraph <= len(self.top):
            return [self.top[loc.paragraph - 1]]
        return []

    def title(self, document: docx.document.Document) -> etree._Element | None:
        """The paragraph styled as the title, else the first with text: where a reader starts.
        A first heading may sit pages after a cover sheet, so it is not preferred."""
        for para in document.paragraphs:
            style = (para.style.style_id if para.style is not None else "").lower()
            if para.text.strip() and style.replace(" ", "") in _TITLE_STYLES:
                return para._p
        return next(
            (
                p
                for p in self.top
                if _own_runs(p) and "".join(_run_text(r) for r in _own_runs(p)).strip()
            ),
            None,
        )


def _comment(document: docx.document.Document, lines: tuple[str, ...]) -> int:
    comment = document.comments.add_comment(text=lines[0], author=AUTHOR, initials=INITIALS)
    for line in lines[1:]:
        comment.add_paragraph(line)
    return int(comment.comment_id)


def _place(document: docx.document.Document, body: _Body, note: Note) -> bool | None:
    """Anchor one note: True on its sentence, False on its paragraph, None not at all."""
    preferred = body.preferred(note.location)
    for p in [*preferred, *body.all]:
        found = _locate(p, note.excerpt)
        if found is not None:
            _mark(p, *found, _comment(document, note.lines))
            return True
    for p in preferred:
        runs = _own_runs(p)
        if runs:
            _mark(p, runs[0], runs[-1], _comment(document, note.lines))
            return False
    return None


def annotate_docx(data: bytes, notes: Notes) -> tuple[bytes, Placed]:
    document = docx.Document(io.BytesIO(data))
    body = _Body(document.element.body)
    placed = Placed()
    title = body.title(document)
    for note in notes.sentences:
        where = _place(document, body, note)
        if where is None and title is not None:
            runs = _own_runs(title)
            _mark(title, runs[0], runs[-1], _comment(document, note.lines))
        (placed.exact if where else placed.approximate).append(note.codes)
    if title is not None and len(notes.title) > 0:
        runs = _own_runs(title)
        _mark(title, runs[0], runs[-1], _comment(document, notes.title))
        placed.title = True
    out = io.BytesIO()
    document.save(out)
    return out.getvalue(), placed
