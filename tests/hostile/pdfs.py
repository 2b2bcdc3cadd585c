"""Crafted PDFs: object graphs that explode when expanded, and pathological text layouts."""

from __future__ import annotations

import io
import zlib

_FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
_TEXT = b"BT /F1 12 Tf 72 700 Td (Recyclingpapier muss verwendet werden.) Tj ET"


def raw_pdf(objects: list[bytes], root: int = 1) -> bytes:
    """Serialise numbered objects (1-based, in order) with a correct xref table."""
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets: list[int] = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n"
        % (len(objects) + 1, root, xref)
    )
    return out.getvalue()


def _stream(data: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s>>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def _one_page(content: bytes, resources: bytes, height: int = 842) -> list[bytes]:
    return [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 %d] /Resources %s /Contents 4 0 R >>"
        % (height, resources),
        _stream(content),
        _FONT,
    ]


def nested_forms(
    depth: int = 40, fan: int = 2, subtype: bytes = b"/Form", inherited: bool = False
) -> bytes:
    """Form XObject i draws form i+1 ``fan`` times: fan**depth text draws from a few KB.

    ``subtype`` may spell the form's subtype as a string (``(Form)``): PDFium draws it alike.
    ``inherited``: the page has no /Resources of its own and inherits its /Pages node's.
    """
    first = 6
    resources = b"<< /XObject << /X0 %d 0 R >> >>" % first
    objects = _one_page(b"/X0 Do", resources)
    if inherited:
        objects[1] = b"<< /Type /Pages /Kids [3 0 R] /Count 1 /Resources %s >>" % resources
        objects[2] = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>"
    for level in range(depth):
        if level == depth - 1:
            body, res = _TEXT, b"<< /Font << /F1 5 0 R >> >>"
        else:
            body = b" ".join([b"/X Do"] * fan)
            res = b"<< /XObject << /X %d 0 R >> >>" % (first + level + 1)
        extra = b"/Type /XObject /Subtype %s /BBox [0 0 595 842] /Resources %s " % (subtype, res)
        objects.append(_stream(body, extra))
    return raw_pdf(objects)


def repeated_page(times: int = 1_000_000) -> bytes:
    """A page tree whose one /Kids array names the same page ``times`` times."""
    kids = b" ".join([b"3 0 R"] * times)
    objects = _one_page(_TEXT, b"<< /Font << /F1 5 0 R >> >>")
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, times)
    return raw_pdf(objects)


def raised_digits(lines: int = 12_000) -> bytes:
    """One tall page, every line ending in a raised footnote digit (PDFium: one text page)."""
    height = 14 * lines + 100
    parts = []
    for i in range(lines):
        y = height - 50 - 14 * i
        parts.append(
            b"BT 72 %d Td /F1 10 Tf (Papier aus Altpapier muss) Tj /F1 6 Tf 4 Ts (%d) Tj ET"
            % (y, i % 9 + 1)
        )
    return raw_pdf(_one_page(b"\n".join(parts), b"<< /Font << /F1 5 0 R >> >>", height))


def self_drawing_form() -> bytes:
    """A form XObject whose resources name itself: a cycle in the object graph."""
    objects = _one_page(b"/X0 Do", b"<< /XObject << /X0 6 0 R >> >>")
    extra = (
        b"/Type /XObject /Subtype /Form /BBox [0 0 595 842] "
        b"/Resources << /XObject << /X 6 0 R >> >> "
    )
    objects.append(_stream(b"/X Do", extra))
    return raw_pdf(objects)


def text_only_page(content: bytes = _TEXT) -> bytes:
    """One page of text without XObjects."""
    return raw_pdf(_one_page(content, b"<< /Font << /F1 5 0 R >> >>"))


def image_page(content: bytes, form: bool = False, compress: bool = False) -> bytes:
    """One page drawing a 1x1 image XObject (and, with ``form``, a flat form XObject); with
    ``compress`` the page content is Flate-compressed."""
    forms = b" /Fm 7 0 R" if form else b""
    resources = b"<< /Font << /F1 5 0 R >> /XObject << /Im 6 0 R%s >> >>" % forms
    objects = _one_page(content + b"\n/Im Do" + (b" /Fm Do" if form else b""), resources)
    if compress:
        page_content = content + b"\n/Im Do" + (b" /Fm Do" if form else b"")
        objects[3] = _stream(zlib.compress(page_content), b"/Filter /FlateDecode ")
    objects.append(
        _stream(
            b"\x00",
            b"/Type /XObject /Subtype /Image /Width 1 /Height 1 "
            b"/ColorSpace /DeviceGray /BitsPerComponent 8 ",
        )
    )
    objects.append(
        _stream(
            _TEXT,
            b"/Type /XObject /Subtype /Form /BBox [0 0 595 842] "
            b"/Resources << /Font << /F1 5 0 R >> >> ",
        )
    )
    return raw_pdf(objects)
