"""Mutation fuzzing of the readers with hypothesis, seeded with the examples.

Seeds: examples/lb_reinigung.docx, examples/lb_bueromaterial.md (also as .txt), and an ODT
and a PDF built by the ingest test factories. A mutation works on the file bytes or, for ZIP
packages, on the bytes of one member (so the XML readers see broken XML, not a broken ZIP).
The property: the whole pipeline answers with a report or a clean ingest error code.
"""

from __future__ import annotations

import io
import zipfile
from functools import lru_cache
from pathlib import Path

from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[2]
REGRESSIONS = Path(__file__).resolve().parent / "fuzz_regressions"


@lru_cache(maxsize=1)
def seeds() -> dict[str, bytes]:
    from tests.ingest.pdf_factory import build_pdf, text_page
    from tests.ingest.test_ingest_odt import odt

    markdown = (ROOT / "examples" / "lb_bueromaterial.md").read_bytes()
    lines = markdown.decode("utf-8").splitlines()[:40]
    return {
        "docx": (ROOT / "examples" / "lb_reinigung.docx").read_bytes(),
        "odt": odt(),
        "pdf": build_pdf([text_page(lines[:30]), text_page(lines[10:40])]),
        "md": markdown,
        "txt": markdown,
    }


_SPECIAL = [
    b"\x00", b"\xff", b"<", b">", b"&", b"]]>", b"%PDF-", b"PK\x03\x04", b"obj", b"R",
    b"9" * 20, b"-1", b"(", b"[" * 64, b"\xe2\x80\xae", b"<w:t>", b"</w:p>", b"\n",
]  # fmt: skip


@st.composite
def _mutate(draw: st.DrawFn, data: bytes) -> bytes:
    out = bytearray(data)
    for _ in range(draw(st.integers(1, 6))):
        if not out:
            out += draw(st.binary(max_size=16))
            continue
        at = draw(st.integers(0, len(out) - 1))
        kind = draw(st.sampled_from(["flip", "cut", "insert", "special", "duplicate", "truncate"]))
        if kind == "flip":
            out[at] ^= 1 << draw(st.integers(0, 7))
        elif kind == "cut":
            del out[at : at + draw(st.integers(1, 64))]
        elif kind == "insert":
            out[at:at] = draw(st.binary(min_size=1, max_size=32))
        elif kind == "special":
            out[at:at] = draw(st.sampled_from(_SPECIAL))
        elif kind == "duplicate":
            piece = bytes(out[at : at + draw(st.integers(1, 256))])
            out[at:at] = piece * draw(st.integers(1, 50))
        else:
            del out[at:]
    return bytes(out)


@st.composite
def _mutate_member(draw: st.DrawFn, data: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        members = [(i, source.read(i)) for i in source.infolist()]
    target = draw(st.sampled_from([i.filename for i, _ in members if i.filename.endswith("xml")]))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dest:
        for info, body in members:
            dest.writestr(info.filename, draw(_mutate(body)) if info.filename == target else body)
    return out.getvalue()


def inputs(fmt: str) -> st.SearchStrategy[bytes]:
    """Mutated files of one format (``docx``, ``odt``, ``pdf``, ``md``, ``txt``)."""
    seed = seeds()[fmt]
    whole = _mutate(seed)
    if fmt in ("docx", "odt"):
        return st.one_of(whole, _mutate_member(seed))
    return whole
