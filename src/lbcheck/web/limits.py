"""Limits of the web app and the sentence (German, or English with ``lbcheck.i18n``) for every
error it answers with."""

from __future__ import annotations

from dataclasses import dataclass

from lbcheck.i18n import counted, decimal, tr


@dataclass(frozen=True, slots=True)
class Limits:
    max_files: int = 20
    max_file_mb: float = 20.0
    max_total_mb: float = 100.0
    jobs: int = 2
    keep_results: int = 50  # finished results kept in memory for their downloads

    @property
    def max_file_bytes(self) -> int:
        return int(self.max_file_mb * 1024 * 1024)

    @property
    def max_total_bytes(self) -> int:
        return int(self.max_total_mb * 1024 * 1024)


def _mb(value: float) -> str:
    return decimal(value, "g") + " MB"


def message(code: str, limits: Limits, name: str = "") -> tuple[int, str]:
    """HTTP status and message (in the current language) for a request-level error ``code``;
    ``name`` is the file it is about (already made safe to show), where there is one."""
    if name:
        one_file = tr("„{name}“ ist größer als {size}", name=name, size=_mb(limits.max_file_mb))
    else:
        one_file = tr("Eine Datei ist größer als {size}", size=_mb(limits.max_file_mb))
    messages = {
        "no-files": (
            400,
            tr("Bitte mindestens eine Datei auswählen (DOCX, PDF, ODT, Markdown, Text)."),
        ),
        "too-many-files": (
            413,
            tr(
                "Bitte höchstens {files} auf einmal hochladen.",
                files=counted(limits.max_files, "Datei"),
            ),
        ),
        "file-too-large": (
            413,
            tr(
                "{one_file}, die Grenze je Datei. Bitte die Datei teilen oder lbcheck mit höherer "
                "Grenze starten (lbcheck serve --max-file-mb).",
                one_file=one_file,
            ),
        ),
        "total-too-large": (
            413,
            tr(
                "Alle Dateien zusammen sind größer als {size}. Bitte in mehreren Schritten "
                "hochladen.",
                size=_mb(limits.max_total_mb),
            ),
        ),
        "not-multipart": (
            400,
            tr("Die Anfrage muss ein Formular (multipart/form-data) mit dem Feld 'files' sein."),
        ),
        "not-found": (
            404,
            tr("Dieses Ergebnis gibt es nicht (mehr). Bitte die Dateien erneut prüfen lassen."),
        ),
        "internal": (
            500,
            tr(
                "Bei der Prüfung ist ein interner Fehler aufgetreten. Bitte erneut versuchen und, "
                "falls er bleibt, dem lbcheck-Projekt melden."
            ),
        ),
    }
    return messages[code]


ERROR_CODES = (
    "no-files",
    "too-many-files",
    "file-too-large",
    "total-too-large",
    "not-multipart",
    "not-found",
    "internal",
)
