"""A minimal PDF writer for tests: Helvetica with WinAnsiEncoding, one text object per line."""

from __future__ import annotations

import io
from dataclasses import dataclass, field

PAGE_WIDTH = 595
PAGE_HEIGHT = 842


@dataclass(frozen=True)
class Run:
    """Text drawn with one size; ``rise`` raises it (superscript footnote marks)."""

    text: str
    size: float = 10.0
    rise: float = 0.0


@dataclass(frozen=True)
class TextLine:
    """One line at baseline ``y`` starting at ``x``."""

    y: float
    runs: tuple[Run, ...]
    x: float = 72.0


def line(y: float, text: str, size: float = 10.0, x: float = 72.0) -> TextLine:
    """A line of one run."""
    return TextLine(y, (Run(text, size),), x)


@dataclass
class Page:
    """The lines of one page; ``graphics`` is raw content stream text (e.g. a rectangle)."""

    lines: list[TextLine] = field(default_factory=list)
    graphics: str = ""


def _escape(text: str) -> bytes:
    raw = text.encode("cp1252")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def _content(page: Page) -> bytes:
    out = io.BytesIO()
    if page.graphics:
        out.write(page.graphics.encode("ascii") + b"\n")
    for ln in page.lines:
        out.write(f"BT {ln.x:.2f} {ln.y:.2f} Td\n".encode("ascii"))
        for run in ln.runs:
            out.write(f"/F1 {run.size:g} Tf {run.rise:g} Ts (".encode("ascii"))
            out.write(_escape(run.text))
            out.write(b") Tj\n")
        out.write(b"ET\n")
    return out.getvalue()


def build_pdf(pages: list[Page]) -> bytes:
    """Serialise ``pages`` into a complete PDF 1.4 file with a correct xref table."""
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    pages_id = len(objects) + 1 + 2 * len(pages)
    kids: list[int] = []
    for page in pages:
        data = _content(page)
        stream = add(b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream")
        kids.append(
            add(
                b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %d %d] "
                b"/Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>"
                % (pages_id, PAGE_WIDTH, PAGE_HEIGHT, font, stream)
            )
        )
    kid_refs = b" ".join(b"%d 0 R" % k for k in kids)
    assert add(b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kid_refs, len(kids))) == pages_id
    catalog = add(b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id)
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
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
        % (len(objects) + 1, catalog, xref)
    )
    return out.getvalue()


def text_page(texts: list[str], top: float = 760.0, pitch: float = 13.0) -> Page:
    """A page with one body line per text, blank strings leaving an empty line."""
    page = Page()
    y = top
    for text in texts:
        if text:
            page.lines.append(line(y, text))
        y -= pitch
    return page


def encrypt(data: bytes, user_password: str, owner_password: str) -> bytes:
    """Encrypt a PDF with pypdf (RC4-128: AES would need the cryptography package)."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.encrypt(user_password=user_password, owner_password=owner_password, algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
