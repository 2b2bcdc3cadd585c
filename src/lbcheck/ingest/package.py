"""Safe access to ZIP-based office packages (DOCX, ODT) and their XML parts."""

from __future__ import annotations

import io
import zipfile

from lxml import etree

from lbcheck.errors import IngestCode, IngestError

#: One XML part larger than this when unpacked is treated as a ZIP bomb.
MAX_PART_BYTES = 512 * 1024 * 1024

_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, remove_comments=True, remove_pis=True
)


class Package:
    """An opened ZIP package; every failure is an :class:`IngestError`."""

    def __init__(self, data: bytes, kind: str) -> None:
        self.kind = kind
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
            self.names = set(self.zip.namelist())
        except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as exc:
            raise IngestError(IngestCode.CORRUPT, f"{kind}: kein gültiges ZIP-Paket") from exc

    def has(self, name: str) -> bool:
        """True when the package holds a part called ``name``."""
        return name in self.names

    def read(self, name: str) -> bytes:
        """The bytes of part ``name`` (CORRUPT if missing or unreadable)."""
        try:
            info = self.zip.getinfo(name)
        except KeyError as exc:
            raise IngestError(IngestCode.CORRUPT, f"{self.kind}: Teil {name} fehlt") from exc
        if info.file_size > MAX_PART_BYTES:
            raise IngestError(IngestCode.TOO_LARGE, f"{name}: {info.file_size} Bytes entpackt")
        if info.flag_bits & 0x1:
            raise IngestError(IngestCode.ENCRYPTED, f"{name} ist verschlüsselt")
        try:
            return self.zip.read(info)
        except (zipfile.BadZipFile, OSError, EOFError, ValueError, RuntimeError) as exc:
            raise IngestError(IngestCode.CORRUPT, f"{name}: {exc}") from exc

    def xml(self, name: str) -> etree._Element:
        """Part ``name`` parsed without entity expansion or network access."""
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
