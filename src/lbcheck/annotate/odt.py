"""ODT: ``office:annotation`` ... ``office:annotation-end`` around each sentence in content.xml;
every other part of the package is copied byte for byte."""

from __future__ import annotations

import io
import zipfile

from lxml import etree

from lbcheck.annotate.notes import AUTHOR, Notes, Placed
from lbcheck.annotate.textmap import find

OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
DC = "http://purl.org/dc/elements/1.1/"
_PARAS = (f"{{{TEXT}}}p", f"{{{TEXT}}}h")
# Content inside a paragraph that is not the paragraph's own text.
_SKIP = frozenset(
    {
        f"{{{OFFICE}}}annotation",
        f"{{{TEXT}}}note",
        f"{{{TEXT}}}tracked-changes",
        "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}frame",
    }
)
Slot = tuple[etree._Element, str]  # (element, "text" | "tail")


def _slots(p: etree._Element) -> list[Slot]:
    out: list[Slot] = [(p, "text")]

    def walk(el: etree._Element) -> None:
        for child in el:
            if not isinstance(child.tag, str) or child.tag in _SKIP:
                out.append((child, "tail"))
                continue
            out.append((child, "text"))
            walk(child)
            out.append((child, "tail"))

    walk(p)
    return out


def _get(slot: Slot) -> str:
    el, kind = slot
    return (el.text if kind == "text" else el.tail) or ""


def _insert(p: etree._Element, offset: int, new: etree._Element, at_end: bool) -> None:
    pos = 0
    for slot in _slots(p):
        text = _get(slot)
        inside = pos < offset <= pos + len(text) if at_end else pos <= offset < pos + len(text)
        if inside:
            el, kind = slot
            k = offset - pos
            if kind == "text":
                el.text = text[:k]
                el.insert(0, new)
            else:
                el.tail = text[:k]
                el.addnext(new)
            new.tail = text[k:]
            return
        pos += len(text)
    p.append(new)


def _annotation(name: str, lines: tuple[str, ...]) -> etree._Element:
    ann = etree.Element(f"{{{OFFICE}}}annotation", {f"{{{OFFICE}}}name": name})
    etree.SubElement(ann, f"{{{DC}}}creator").text = AUTHOR
    for line in lines:
        etree.SubElement(ann, f"{{{TEXT}}}p").text = line
    return ann


def _mark(
    p: etree._Element, start: int, end: int | None, name: str, lines: tuple[str, ...]
) -> None:
    if end is not None:
        _insert(
            p, end, etree.Element(f"{{{OFFICE}}}annotation-end", {f"{{{OFFICE}}}name": name}), True
        )
        _insert(p, start, _annotation(name, lines), False)
    else:
        p.insert(0, _annotation(name, lines))
        p[0].tail, p.text = p.text, None


def _paragraphs(root: etree._Element) -> list[etree._Element]:
    body = root.find(f"{{{OFFICE}}}body/{{{OFFICE}}}text")
    if body is None:
        return []
    return [p for p in body.iter(*_PARAS) if not any(a.tag in _SKIP for a in p.iterancestors())]


def annotate_odt(data: bytes, notes: Notes) -> tuple[bytes, Placed]:
    source = zipfile.ZipFile(io.BytesIO(data))
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    root = etree.fromstring(source.read("content.xml"), parser)
    paragraphs = _paragraphs(root)
    texts = {id(p): "".join(_get(s) for s in _slots(p)) for p in paragraphs}
    title = next((p for p in paragraphs if texts[id(p)].strip()), None)
    placed = Placed()
    for n, note in enumerate(notes.sentences, start=1):
        name = f"lbcheck-{n}"
        for p in paragraphs:
            span = find(texts[id(p)], note.excerpt)
            if span is not None:
                _mark(p, span[0], span[1], name, note.lines)
                placed.exact.append(note.codes)
                break
        else:
            index = (note.location.paragraph or 0) - 1
            target = paragraphs[index] if 0 <= index < len(paragraphs) else title
            if target is not None:
                _mark(target, 0, None, name, note.lines)
                placed.approximate.append(note.codes)
    if title is not None and notes.title:
        _mark(title, 0, None, "lbcheck-titel", notes.title)
        placed.title = True
    content = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target_zip:
        for info in source.infolist():
            payload = content if info.filename == "content.xml" else source.read(info)
            target_zip.writestr(info, payload, compress_type=info.compress_type)
    return out.getvalue(), placed
