"""DOCX package parts: the main document, its relationships, headers and footers."""

from __future__ import annotations

import posixpath

from lxml import etree

from lbcheck.errors import IngestCode, IngestError
from lbcheck.ingest.docx_styles import W
from lbcheck.ingest.docx_text import P, outside_fallback, paragraph_text
from lbcheck.ingest.normalize import clean, is_page_number, strip_page_numbers
from lbcheck.ingest.package import Package
from lbcheck.models import BlockKind

_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_RID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_MAIN = "/officeDocument"


def main_part(pkg: Package) -> str:
    """Name of the main document part (from _rels/.rels, else word/document.xml)."""
    if pkg.has("_rels/.rels"):
        for rel in pkg.xml("_rels/.rels").iter(_REL):
            if rel.get("Type", "").endswith(_MAIN):
                name = rel.get("Target", "").lstrip("/")
                if pkg.has(name):
                    return name
    if not pkg.has("word/document.xml"):
        raise IngestError(IngestCode.CORRUPT, "DOCX: word/document.xml fehlt")
    return "word/document.xml"


def relations(pkg: Package, main: str) -> dict[str, tuple[str, str]]:
    """Relationship id -> (target, kind) of the main part; kind is the last type segment."""
    name = posixpath.join(posixpath.dirname(main), "_rels", posixpath.basename(main) + ".rels")
    root = pkg.xml_optional(name)
    if root is None:
        return {}
    return {
        rel.get("Id", ""): (rel.get("Target", ""), rel.get("Type", "").rsplit("/", 1)[-1])
        for rel in root.iter(_REL)
        if rel.get("TargetMode") != "External"
    }


def join(folder: str, target: str) -> str:
    """Resolve a relationship target against the folder of its source part."""
    return (
        target.lstrip("/")
        if target.startswith("/")
        else posixpath.normpath(posixpath.join(folder, target))
    )


def heads(
    pkg: Package, root: etree._Element, rels: dict[str, tuple[str, str]], folder: str
) -> dict[BlockKind, list[str]]:
    """Distinct header and footer lines in section order, page-number fields left out."""
    found: dict[BlockKind, list[str]] = {BlockKind.HEADER: [], BlockKind.FOOTER: []}
    seen: set[str] = set()
    for ref in root.iter(f"{W}headerReference", f"{W}footerReference"):
        target, kind = rels.get(ref.get(_RID, ""), ("", ""))
        if kind not in ("header", "footer") or target in seen:
            continue
        seen.add(target)
        part = pkg.xml_optional(join(folder, target))
        if part is None:
            continue
        block = BlockKind.HEADER if kind == "header" else BlockKind.FOOTER
        for p in part.iter(P):
            if not outside_fallback(p):
                continue
            text = clean(paragraph_text(p).text)
            if text and not is_page_number(text):
                text = strip_page_numbers(text)
                if text and text not in found[block]:
                    found[block].append(text)
    return found
