"""Limits of the web app and the German sentence for every error it answers with."""

from __future__ import annotations

from dataclasses import dataclass

from lbcheck.reporters.german import counted


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
    return f"{value:g}".replace(".", ",") + " MB"


def message(code: str, limits: Limits, name: str = "") -> tuple[int, str]:
    """HTTP status and German message for a request-level error ``code``; ``name`` is the file
    it is about (already made safe to show), where there is one."""
    one_file = f"„{name}“ ist" if name else "Eine Datei ist"
    messages = {
        "no-files": (
            400,
            "Bitte mindestens eine Datei auswählen (DOCX, PDF, ODT, Markdown, Text).",
        ),
        "too-many-files": (
            413,
            f"Bitte höchstens {counted(limits.max_files, 'Datei')} auf einmal hochladen.",
        ),
        "file-too-large": (
            413,
            f"{one_file} größer als {_mb(limits.max_file_mb)}, die Grenze je Datei. Bitte die "
            "Datei teilen oder lbcheck mit höherer Grenze starten (lbcheck serve --max-file-mb).",
        ),
        "total-too-large": (
            413,
            f"Alle Dateien zusammen sind größer als {_mb(limits.max_total_mb)}. Bitte in "
            "mehreren Schritten hochladen.",
        ),
        "not-multipart": (
            400,
            "Die Anfrage muss ein Formular (multipart/form-data) mit dem Feld 'files' sein.",
        ),
        "not-found": (
            404,
            "Dieses Ergebnis gibt es nicht (mehr). Bitte die Dateien erneut prüfen lassen.",
        ),
        "internal": (
            500,
            "Bei der Prüfung ist ein interner Fehler aufgetreten. Bitte erneut versuchen und, "
            "falls er bleibt, dem lbcheck-Projekt melden.",
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
