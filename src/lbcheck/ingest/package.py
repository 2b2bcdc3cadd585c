"""Safe access to ZIP-based office packages (DOCX, ODT) and their XML parts.

Declared sizes in a ZIP directory are written by whoever made the file: they are checked
first (cheap rejection) but never trusted. Every part is inflated as a stream that stops at
the package's remaining budget and at an absurd compression ratio, so a bomb costs at most
the budget in memory and time and is reported as TOO_LARGE, not CORRUPT.
"""

from __future__ import annotations

import io
import zipfile

from lxml import etree

from lbcheck.errors import IngestCode, IngestError
from lbcheck.ingest.limits import DEFAULT_LIMITS, Limits

_CHUNK = 256 * 1024

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
        except (zipfile.BadZipFile, OSError, EOFError, ValueError, RuntimeError) as exc:
            raise IngestError(IngestCode.CORRUPT, f"{name}: {exc}") from exc
        self.inflated += len(data)
        return data

    def _inflate(self, info: zipfile.ZipInfo, budget: int) -> bytes:
        out = bytearray()
        packed = max(info.compress_size, 1)
        with self.zip.open(info) as stream:
            while chunk := stream.read(_CHUNK):
                out += chunk
                if len(out) > budget:
                    raise self._too_large(info.filename, len(out), during=True)
                ratio = len(out) / packed
                if len(out) > self.limits.ratio_floor and ratio > self.limits.max_ratio:
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


def parse_xml(data: bytes, name: str) -> etree._Element:
    """Parse XML bytes; syntax errors become CORRUPT."""
    try:
        return etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as exc:
        raise IngestError(IngestCode.CORRUPT, f"{name}: {exc}") from exc
