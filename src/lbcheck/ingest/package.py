"""Safe access to ZIP-based office packages (DOCX, ODT) and their XML parts.

Declared sizes in a ZIP directory are written by whoever made the file: they are checked
first (cheap rejection) but never trusted. Every part is inflated as a stream that stops at
the package's remaining budget and at an absurd compression ratio, so a bomb costs at most
the budget in memory and time and is reported as TOO_LARGE, not CORRUPT.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib
from collections.abc import Iterator

from lxml import etree

from lbcheck.errors import IngestCode, IngestError
from lbcheck.ingest.limits import DEFAULT_LIMITS, Limits

_CHUNK = 256 * 1024
_LOCAL_HEADER = 30
_XML_LIMIT = re.compile(r"amplification|Excessive depth|Detected an entity reference loop|huge")

_PARSER = etree.XMLParser(
    resolve_entities=False,
    no_network=True,
    remove_comments=True,
    remove_pis=True,
    load_dtd=False,
)


class Package:
    """An opened ZIP package; every failure is an :class:`IngestError`."""

    def __init__(self, data: bytes, kind: str, limits: Limits = DEFAULT_LIMITS) -> None:
        self.kind = kind
        self.limits = limits
        self.inflated = 0
        self.data = data
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self.zip.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as exc:
            raise IngestError(IngestCode.CORRUPT, f"{kind}: kein gültiges ZIP-Paket") from exc
        if len(infos) > limits.max_members:
            raise IngestError(
                IngestCode.TOO_LARGE,
                f"{kind}: {len(infos)} Teile im Paket, Grenze {limits.max_members}",
            )
        self.names = {info.filename for info in infos}

    def has(self, name: str) -> bool:
        """True when the package holds a part called ``name``."""
        return name in self.names

    def read(self, name: str) -> bytes:
        """The bytes of part ``name`` (CORRUPT if missing or unreadable, TOO_LARGE past a limit)."""
        try:
            info = self.zip.getinfo(name)
        except KeyError as exc:
            raise IngestError(IngestCode.CORRUPT, f"{self.kind}: Teil {name} fehlt") from exc
        if info.flag_bits & 0x1:
            raise IngestError(IngestCode.ENCRYPTED, f"{name} ist verschlüsselt")
        budget = self.limits.max_inflated - self.inflated
        if info.file_size > budget:
            raise self._too_large(name, info.file_size)
        try:
            data = self._inflate(info, budget)
        except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError, RuntimeError) as exc:
            raise IngestError(IngestCode.CORRUPT, f"{name}: {exc}") from exc
        self.inflated += len(data)
        return data

    def _inflate(self, info: zipfile.ZipInfo, budget: int) -> bytes:
        """Inflate the member's real compressed bytes, whatever sizes the directory declares."""
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            with self.zip.open(info) as stream:  # bzip2/lzma: not written by office programs
                pieces = iter(lambda: stream.read(_CHUNK), b"")
                return self._bounded(((p, info.compress_size) for p in pieces), info, budget)
        raw = self._raw(info)
        if info.compress_type == zipfile.ZIP_STORED:
            out = self._bounded(iter(((bytes(raw), len(raw)),)), info, budget)
        else:
            out = self._bounded(_deflate_chunks(raw), info, budget)
        if len(out) != info.file_size or zlib.crc32(out) != info.CRC:
            raise IngestError(IngestCode.CORRUPT, f"{info.filename}: Größe oder Prüfsumme falsch")
        return out

    def _raw(self, info: zipfile.ZipInfo) -> memoryview:
        head = self.data[info.header_offset : info.header_offset + _LOCAL_HEADER]
        if len(head) < _LOCAL_HEADER or not head.startswith(b"PK\x03\x04"):
            raise IngestError(IngestCode.CORRUPT, f"{info.filename}: lokaler Kopf fehlt")
        name_len, extra_len = struct.unpack("<HH", head[26:30])
        start = info.header_offset + _LOCAL_HEADER + name_len + extra_len
        return memoryview(self.data)[start : start + info.compress_size]

    def _bounded(
        self, chunks: Iterator[tuple[bytes, int]], info: zipfile.ZipInfo, budget: int
    ) -> bytes:
        """Join inflated chunks (each with the compressed bytes consumed so far) while the
        total stays within ``budget`` and the ratio to the consumed input stays sane."""
        out = bytearray()
        for chunk, consumed in chunks:
            out += chunk
            if len(out) > budget:
                raise self._too_large(info.filename, len(out), during=True)
            if len(out) > self.limits.ratio_floor and len(out) > self.limits.max_ratio * max(
                consumed, 1
            ):
                raise IngestError(
                    IngestCode.TOO_LARGE,
                    f"{info.filename}: entpackt mehr als das {self.limits.max_ratio}-fache "
                    "der gepackten Größe (ZIP-Bombe)",
                )
        return bytes(out)

    def _too_large(self, name: str, size: int, *, during: bool = False) -> IngestError:
        grew = "beim Entpacken über " if during else ""
        return IngestError(
            IngestCode.TOO_LARGE,
            f"{name}: {grew}{size} Bytes entpackt, Grenze für das ganze Paket "
            f"{self.limits.max_inflated} Bytes",
        )

    def xml(self, name: str) -> etree._Element:
        """Part ``name`` parsed without entity expansion, DTD loading or network access."""
        return parse_xml(self.read(name), name)

    def xml_optional(self, name: str) -> etree._Element | None:
        """Like :meth:`xml`, or None when the part does not exist."""
        return self.xml(name) if self.has(name) else None


def _deflate_chunks(raw: memoryview) -> Iterator[tuple[bytes, int]]:
    """Raw deflate data inflated piece by piece (at most _CHUNK bytes at a time), each piece
    with the number of compressed bytes consumed so far."""
    inflater = zlib.decompressobj(-zlib.MAX_WBITS)
    pending: bytes | memoryview = raw
    while pending:
        chunk = inflater.decompress(pending, _CHUNK)
        pending = inflater.unconsumed_tail
        if chunk:
            yield chunk, len(raw) - len(pending)
        elif not pending or inflater.eof:
            break
    yield inflater.flush(), len(raw)


def parse_xml(data: bytes, name: str) -> etree._Element:
    """Parse XML bytes; syntax errors become CORRUPT."""
    try:
        return etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as exc:
        # libxml2 stops entity bombs and absurd nesting itself: those are limits, not damage.
        text = str(exc)
        code = IngestCode.TOO_LARGE if _XML_LIMIT.search(text) else IngestCode.CORRUPT
        raise IngestError(code, f"{name}: {text}") from exc
