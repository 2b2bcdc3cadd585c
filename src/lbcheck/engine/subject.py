"""What a tender buys: subjects from CPV codes where the text has them, else from vocabulary."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import regex

from lbcheck.models import Sentence

_CPV = regex.compile(r"\b(\d{8})-\d\b")

# CPV prefixes (longest first wins) -> subject. Source: CPV 2008 (Reg. (EC) No 213/2008).
_CPV_PREFIXES: tuple[tuple[str, str], ...] = (
    ("30192", "buero"),
    ("30197", "buero"),
    ("30199", "buero"),
    ("22800", "buero"),
    ("30125", "buero"),
    ("22458", "buero"),
    ("301", "buero"),
    ("79810", "buero"),
    ("79820", "buero"),
    ("79823", "buero"),
    ("302", "it-hardware"),
    ("3221", "it-hardware"),
    ("3232", "it-hardware"),
    ("48", "it-dienstleistung"),
    ("72", "it-dienstleistung"),
    ("909", "reinigung"),
    ("3983", "reinigung"),
    ("555", "verpflegung"),
    ("553", "verpflegung"),
    ("15", "verpflegung"),
    ("60", "transport"),
    ("9051", "transport"),
    ("34", "transport"),
    ("45", "bau"),
    ("71", "bau"),
    ("44", "bau"),
    ("391", "moebel"),
    ("18", "textil"),
    ("19", "textil"),
    ("79", "beratung-kreativ"),
    ("73", "beratung-kreativ"),
    ("92", "beratung-kreativ"),
    ("7995", "veranstaltung"),
    ("5552", "verpflegung"),
)

# Vocabulary per subject, on the lemma view (word starts). Weights favour specific words.
_VOCAB: dict[str, tuple[str, ...]] = {
    "buero": (
        "büromaterial",
        "bürobedarf",
        "kopierpapier",
        "druckpapier",
        "schreibwaren",
        "ordner",
        "toner",
        "tintenpatrone",
        "schreibgerät",
        "briefumschl",
        "druckerzeugnis",
        "broschüre",
        "kugelschreiber",
        "textmarker",
        "papier",
        "druckerei",
    ),
    "it-hardware": (
        "tablet",
        "notebook",
        "laptop",
        "computer",
        "monitor",
        "drucker",
        "smartphone",
        "endgerät",
        "hardware",
        "server",
    ),
    "it-dienstleistung": (
        "software",
        "webseite",
        "website",
        "anwendung",
        "programmierung",
        "hosting",
        "rechenzentrum",
        "portal",
        "schnittstelle",
        "cloud",
        "datenbank",
        "betrieb der",
        "webshop",
        "api",
        "cms",
        "wordpress",
    ),
    "reinigung": (
        "reinigung",
        "reinigungsmittel",
        "unterhaltsreinigung",
        "glasreinigung",
        "gebäudereinigung",
        "reinigungskraft",
    ),
    "verpflegung": (
        "verpflegung",
        "mittagessen",
        "catering",
        "speise",
        "lebensmittel",
        "kantine",
        "getränk",
        "kaffee",
        "menü",
        "mahlzeit",
        "wasserspender",
    ),
    "transport": (
        "transport",
        "sammelfahrzeug",
        "beförderung",
        "abfuhr",
        "fuhrpark",
        "fahrzeug",
        "kraftstoff",
        "sammlung",
    ),
    "bau": (
        "bauleistung",
        "baustelle",
        "estrich",
        "beton",
        "dachabdichtung",
        "mauerwerk",
        "vob",
        "leistungsverzeichnis",
        "dämmung",
        "abdichtung",
        "montage",
        "gewerk",
        "leuchte",
        "rohbau",
        "fassade",
        "einbau",
        "bauherr",
    ),
    "moebel": ("möbel", "büromöbel", "schreibtisch", "bürodrehstuhl", "stuhl", "regal", "schrank"),
    "textil": (
        "textil",
        "bekleidung",
        "arbeitskleidung",
        "schutzkleidung",
        "sicherheitsschuh",
        "warnschutz",
        "uniform",
        "wäsche",
    ),
    "beratung-kreativ": (
        "konzept",
        "gestaltung",
        "design",
        "agentur",
        "visualisierung",
        "beratung",
        "studie",
        "gutachten",
        "redaktion",
        "grafik",
        "kommunikation",
    ),
    "veranstaltung": (
        "veranstaltung",
        "empfang",
        "neujahrsempfang",
        "tagung",
        "konferenz",
        "messe",
        "event",
        "festakt",
        "jubiläum",
    ),
}
_MIN_SHARE = 0.18
_MIN_HITS = 4


def subjects_from_cpv(text: str) -> list[str]:
    found: list[str] = []
    for code in _CPV.findall(text):
        best = max(
            ((p, s) for p, s in _CPV_PREFIXES if code.startswith(p)),
            key=lambda ps: len(ps[0]),
            default=None,
        )
        if best and best[1] not in found:
            found.append(best[1])
    return found


def detect_subjects(sentences: Sequence[Sentence], title: str = "") -> tuple[str, ...]:
    """Subjects sorted by evidence: CPV codes first, else the two strongest vocabularies."""
    full_text = "\n".join(s.text for s in sentences)
    cpv = subjects_from_cpv(full_text)
    if cpv:
        return tuple(sorted(cpv))
    words = Counter[str]()
    lemmas = " ".join(s.lemmas for s in sentences) + " " + title.lower().replace("_", " ")
    for subject, vocab in _VOCAB.items():
        words[subject] = sum(lemmas.count(" " + w) for w in vocab)
    total = sum(words.values())
    if total < _MIN_HITS:
        return ("sonstiges",)
    ranked = [s for s, n in words.most_common(2) if n >= _MIN_HITS and n / total >= _MIN_SHARE]
    top = words.most_common(1)[0][1]
    chosen = [s for s in ranked if words[s] >= 0.4 * top]
    return tuple(sorted(chosen)) or ("sonstiges",)
