"""Read back what annotate wrote: anchor texts of Word comments and ODF annotations."""

from __future__ import annotations

import io
import zipfile

from lxml import etree

from lbcheck.annotate.notes import Note
from lbcheck.annotate.odt import OFFICE, TEXT
from lbcheck.annotate.textmap import key
from lbcheck.models import Location

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def note(
    excerpt: str, codes: str = "VR-01", paragraph: int | None = None, page: int | None = None
) -> Note:
    return Note(
        excerpt,
        Location(paragraph=paragraph, page=page),
        (f"{codes} Regel [Fehler]: Meldung", "Warum: weil", "Besser so: anders"),
        "error",
        codes,
    )


def docx_anchors(data: bytes) -> dict[str, str]:
    """Comment id -> the text between its commentRangeStart and commentRangeEnd."""
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))
    open_ids: list[str] = []
    texts: dict[str, list[str]] = {}
    for el in root.iter():
        if el.tag == f"{W}commentRangeStart":
            open_ids.append(el.get(f"{W}id"))
            texts[el.get(f"{W}id")] = []
        elif el.tag == f"{W}commentRangeEnd":
            open_ids.remove(el.get(f"{W}id"))
        elif el.tag == f"{W}t":
            for cid in open_ids:
                texts[cid].append(el.text or "")
    return {cid: "".join(parts) for cid, parts in texts.items()}


def odf_anchors(content_xml: bytes) -> dict[str, str]:
    """Annotation name -> the paragraph text between office:annotation and annotation-end
    (text of the annotations themselves and of footnotes not counted)."""
    root = etree.fromstring(content_xml)
    skip = {f"{{{OFFICE}}}annotation", f"{{{TEXT}}}note"}
    open_names: list[str] = []
    texts: dict[str, list[str]] = {}

    def add(text: str | None) -> None:
        for name in open_names:
            texts[name].append(text or "")

    def walk(el: etree._Element) -> None:
        for child in el:
            if child.tag == f"{{{OFFICE}}}annotation":
                name = child.get(f"{{{OFFICE}}}name") or ""
                texts[name] = []
                open_names.append(name)
            elif child.tag == f"{{{OFFICE}}}annotation-end":
                open_names.remove(child.get(f"{{{OFFICE}}}name") or "")
            elif child.tag not in skip:
                add(child.text)
                walk(child)
            add(child.tail)

    walk(root)
    return {name: "".join(parts) for name, parts in texts.items()}


def same_words(a: str, b: str) -> bool:
    return key(a)[0] == key(b)[0]
