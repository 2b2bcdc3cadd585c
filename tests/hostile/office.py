"""Minimal DOCX and ODT packages around crafted XML."""

from __future__ import annotations

from tests.hostile.zips import Member, deflated, stored, write_zip

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CONTENT_TYPES = (
    b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
    b'package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/>'
    b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    b'relationships+xml"/></Types>'
)
RELS = (
    b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats'
    b'.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
    b'openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    b'Target="word/document.xml"/></Relationships>'
)
DOC_RELS = (
    b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats'
    b'.org/package/2006/relationships"><Relationship Id="rId9" Type="http://schemas.'
    b'openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>'
    b"</Relationships>"
)
SENTENCE = "Kopierpapier muss zu 100 % aus Altpapier bestehen."


def paragraph(text: str, num_id: int | None = None) -> str:
    num = f'<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr></w:pPr>'
    return f"<w:p>{num if num_id else ''}<w:r><w:t>{text}</w:t></w:r></w:p>"


def document_xml(body: str, prolog: str = "") -> bytes:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>{prolog}<w:document xmlns:w="{W}"><w:body>'
        f"{body}</w:body></w:document>"
    ).encode()


def docx(document: bytes | Member, *extra: Member, numbering: bytes | None = None) -> bytes:
    """A DOCX package; ``document`` is word/document.xml (bytes, or a crafted member)."""
    main = document if isinstance(document, Member) else deflated("word/document.xml", document)
    members = [stored("[Content_Types].xml", CONTENT_TYPES), stored("_rels/.rels", RELS), main]
    if numbering is not None:
        members.append(stored("word/_rels/document.xml.rels", DOC_RELS))
        members.append(deflated("word/numbering.xml", numbering))
    return write_zip(members + list(extra))


def numbering_xml(fmt: str, start: int) -> bytes:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="{W}">'
        f'<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="{start}"/>'
        f'<w:numFmt w:val="{fmt}"/><w:lvlText w:val="%1)"/></w:lvl></w:abstractNum>'
        f'<w:num w:numId="7"><w:abstractNumId w:val="1"/></w:num></w:numbering>'
    ).encode()


ODT_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
)
MANIFEST = (
    b'<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:'
    b'tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" '
    b'manifest:media-type="application/vnd.oasis.opendocument.text"/></manifest:manifest>'
)


def content_xml(body: str) -> bytes:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODT_NS}>'
        f"<office:body><office:text>{body}</office:text></office:body></office:document-content>"
    ).encode()


def odt(content: bytes | Member, manifest: bytes = MANIFEST) -> bytes:
    main = content if isinstance(content, Member) else deflated("content.xml", content)
    return write_zip(
        [
            stored("mimetype", b"application/vnd.oasis.opendocument.text"),
            main,
            stored("META-INF/manifest.xml", manifest),
        ]
    )
