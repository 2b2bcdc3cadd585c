"""``lbcheck init``: a commented starter configuration, never written over an existing file."""

from __future__ import annotations

from pathlib import Path

from lbcheck.app.output import write_report
from lbcheck.errors import UsageError
from lbcheck.i18n import current, tr

STARTER = """\
# lbcheck-Konfiguration. lbcheck sucht sie vom geprüften Dokument aufwärts
# (lbcheck.toml, [tool.lbcheck] in pyproject.toml oder lbcheck.yaml);
# Optionen auf der Kommandozeile gehen vor. Alle Schlüssel: docs/configuration.md

# Kriteriensets (Standard: alle): ilo, kreislauf, buero, dienstleistungen, vergaberecht
# sets = ["ilo", "kreislauf", "vergaberecht"]

# Kriterien oder Regeln abschalten: Code, Name oder Präfix
disable = []

# Schweregrad ändern: error, warning oder info
# severity = { VR-02 = "error", KRW-08 = "info" }

# Eigene Kriteriendateien, relativ zu dieser Datei (prüfen: lbcheck criteria validate)
criteria = []

# Ab welcher Stufe der Exit-Code 1 ist: error, warning, info oder never
fail_on = "error"

# Höchstgröße je Datei in MB
# max_size_mb = 50

# Welche Dateien in Ordnern und Mustern geprüft werden (Muster wie in .gitignore,
# relativ zu dieser Datei); ausdrücklich genannte Dateien werden immer geprüft.
# include = ["vergaben/**"]
exclude = []
respect_gitignore = true

# Abweichende Einstellungen für einzelne Pfade, z. B. Vorlagen mit Platzhaltern:
# [[overrides]]
# paths = ["vorlagen/**"]
# disable = ["VR-06"]
# severity = { VR-01 = "warning" }
"""


# The same file with English comments (lbcheck init under --lang en); the same keys and values,
# tests/cli/test_lang_messages.py compares the two.
STARTER_EN = """\
# lbcheck configuration. lbcheck looks for it from the checked document upwards
# (lbcheck.toml, [tool.lbcheck] in pyproject.toml or lbcheck.yaml);
# options on the command line take precedence. All keys: docs/configuration.md

# Criteria sets (default: all): ilo, kreislauf, buero, dienstleistungen, vergaberecht
# sets = ["ilo", "kreislauf", "vergaberecht"]

# Switch criteria or rules off: code, name or prefix
disable = []

# Change the severity: error, warning or info
# severity = { VR-02 = "error", KRW-08 = "info" }

# Your own criteria files, relative to this file (check them: lbcheck criteria validate)
criteria = []

# From which level on the exit code is 1: error, warning, info or never
fail_on = "error"

# Maximum size per file in MB
# max_size_mb = 50

# Which files in folders and patterns are checked (patterns as in .gitignore,
# relative to this file); files named explicitly are always checked.
# include = ["vergaben/**"]
exclude = []
respect_gitignore = true

# Different settings for some paths, e.g. templates with placeholders:
# [[overrides]]
# paths = ["vorlagen/**"]
# disable = ["VR-06"]
# severity = { VR-01 = "warning" }
"""


def starter_text() -> str:
    """The starter configuration with comments in the current language."""
    return STARTER_EN if current() == "en" else STARTER


def write_starter(folder: Path, force: bool = False) -> Path:
    """Write ``lbcheck.toml`` in ``folder``; a usage error if one exists (unless ``force``)."""
    target = folder / "lbcheck.toml"
    if target.exists() and not force:
        raise UsageError(
            tr(
                "{target} existiert bereits; lbcheck init überschreibt keine Konfiguration. Bitte "
                "die vorhandene Datei bearbeiten.",
                target=target,
            )
        )
    write_report(starter_text().encode("utf-8"), target, (), force)
    return target
