"""Errors with stable codes and German messages that tell the user what to do."""

from __future__ import annotations

from enum import StrEnum


class IngestCode(StrEnum):
    """Why a file could not be read. Codes are stable: tools depend on them."""

    NO_TEXT = "no-text"
    ENCRYPTED = "encrypted"
    CORRUPT = "corrupt"
    EMPTY = "empty"
    UNSUPPORTED = "unsupported"
    TOO_LARGE = "too-large"
    GARBLED = "garbled"
    NOT_FOUND = "not-found"
    UNREADABLE = "unreadable"
    SYMLINK_LOOP = "symlink-loop"
    SYMLINK_OUTSIDE = "symlink-outside"
    TIMEOUT = "timeout"


MESSAGES: dict[IngestCode, str] = {
    IngestCode.NO_TEXT: (
        "Die Datei enthält keinen lesbaren Text (vermutlich ein Scan). Bitte eine Textfassung "
        "bereitstellen oder die Datei vorher mit einer Texterkennung (OCR) durchsuchbar machen."
    ),
    IngestCode.ENCRYPTED: (
        "Die Datei ist mit einem Kennwort geschützt. Bitte eine Fassung ohne Kennwortschutz "
        "exportieren und erneut prüfen."
    ),
    IngestCode.CORRUPT: (
        "Die Datei ist beschädigt oder unvollständig und kann nicht gelesen werden. Bitte die "
        "Datei erneut herunterladen oder aus dem Originalprogramm neu exportieren."
    ),
    IngestCode.EMPTY: (
        "Die Datei enthält keinen Text. Bitte prüfen, ob die richtige Datei gewählt wurde."
    ),
    IngestCode.UNSUPPORTED: (
        "Dieses Dateiformat wird nicht unterstützt. Bitte als DOCX, PDF, ODT, Markdown (.md) "
        "oder Text (.txt) speichern."
    ),
    IngestCode.TOO_LARGE: (
        "Die Datei überschreitet eine Höchstgrenze (Dateigröße, Textmenge, Seitenzahl oder "
        "entpackte Größe; welche, nennt der JSON-Bericht unter error.detail) oder ist eine "
        "Archiv- bzw. XML-Bombe. "
        "Bitte die Datei aufteilen oder ihre Herkunft prüfen; die Dateigröße lässt sich mit "
        "--max-size erhöhen."
    ),
    IngestCode.GARBLED: (
        "Der Text der Datei ist nicht lesbar kodiert (z. B. fehlerhafte Schriftkodierung im PDF). "
        "Bitte das Dokument neu als PDF mit eingebetteten Schriften exportieren oder die "
        "Ursprungsdatei (DOCX/ODT) prüfen."
    ),
    IngestCode.NOT_FOUND: (
        "Die Datei wurde nicht gefunden oder kann nicht geöffnet werden. Bitte Pfad und "
        "Leserechte prüfen."
    ),
    IngestCode.UNREADABLE: (
        "Auf diesen Ordner oder diese Datei fehlt die Leseberechtigung; sie wurde nicht geprüft. "
        "Bitte die Rechte prüfen und erneut prüfen."
    ),
    IngestCode.SYMLINK_LOOP: (
        "Diese Verknüpfung (Symlink) zeigt im Kreis und wurde nicht verfolgt. Bitte die "
        "Verknüpfung entfernen oder das Ziel direkt angeben."
    ),
    IngestCode.SYMLINK_OUTSIDE: (
        "Diese Verknüpfung (Symlink) zeigt aus dem geprüften Ordner hinaus und wurde nicht "
        "verfolgt. Bitte das Ziel selbst als Ordner angeben, wenn es geprüft werden soll."
    ),
    IngestCode.TIMEOUT: (
        "Die Prüfung dieser Datei hat ihr Zeitbudget überschritten und wurde abgebrochen "
        "(welches, nennt der JSON-Bericht unter error.detail). Bitte die Datei einzeln prüfen; "
        "die übrigen Dateien wurden geprüft."
    ),
}


class LbcheckError(Exception):
    """Base class of all errors lbcheck reports on purpose."""


class IngestError(LbcheckError):
    """A file that cannot be turned into a Document."""

    def __init__(self, code: IngestCode, detail: str = "") -> None:
        super().__init__(f"{code.value}: {detail}" if detail else code.value)
        self.code = code
        self.detail = detail

    @property
    def message(self) -> str:
        return MESSAGES[self.code]


class CriteriaError(LbcheckError):
    """A criteria file that is not valid. The message names file, entry and key."""

    code = "criteria-invalid"


class UsageError(LbcheckError):
    """Wrong arguments on the command line."""

    code = "usage"


class RunInterruptedError(LbcheckError):
    """Ctrl-C during a run: the workers are stopped; the command line exits with 130."""

    code = "interrupted"

    def __init__(self, done: int = 0, total: int = 0) -> None:
        from lbcheck.i18n import tr  # here: lbcheck.i18n itself uses these errors

        super().__init__(
            tr("Abgebrochen nach {done} von {total} Dateien.", done=done, total=total)
            if total
            else tr("Abgebrochen.")
        )
        self.done = done
        self.total = total
