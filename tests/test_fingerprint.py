"""Fingerprints survive renumbering, a new year and page shifts, and tell places apart."""

from __future__ import annotations

from pathlib import Path

import pytest

from lbcheck.config import Settings
from lbcheck.engine.fingerprint import finding_key, fingerprint, normalise_heading
from lbcheck.runner import scan

BRAND = "Es ist Kopierpapier der Marke Navigator zu liefern."


def _prints(tmp_path: Path, text: str, name: str = "lb.md") -> list[tuple[str, str]]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    doc = scan([str(path)], Settings()).documents[0]
    assert doc.status == "ok"
    return [(f.code, f.fingerprint) for f in doc.findings if f.code == "VR-01"]


def _doc(title: str, chapter: str, *, filler: int = 0, second: str = "") -> str:
    body = "\n\n".join(["Ein Absatz ohne Befund."] * filler)
    return f"# {title}\n\n## {chapter}\n\n{body}\n\n{BRAND}\n{second}"


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        ("3.2 Leistungsumfang", "leistungsumfang"),
        ("4.2. Leistungsumfang", "leistungsumfang"),
        ("IV. Leistungsumfang", "leistungsumfang"),
        ("§ 4 Leistungsumfang", "leistungsumfang"),
        ("B) Leistungsumfang", "leistungsumfang"),
        ("Rahmenvertrag Büromaterial 2025", "rahmenvertrag büromaterial yyyy"),
        ("Los 2 Reinigung", "los 2 reinigung"),
    ],
)
def test_normalise_heading(heading: str, expected: str) -> None:
    assert normalise_heading(heading) == expected


def test_survives_renumbering_year_and_page_shift(tmp_path: Path) -> None:
    before = _prints(tmp_path, _doc("Rahmenvertrag 2025", "3.2 Leistung"))
    after = _prints(tmp_path, _doc("Rahmenvertrag 2026", "4.2 Leistung", filler=5))
    assert before and before == after


def test_same_sentence_at_two_places_differs(tmp_path: Path) -> None:
    text = _doc("LB", "Los 1 Papier", second=f"\n## Los 2 Papier\n\n{BRAND}\n")
    prints = _prints(tmp_path, text)
    assert len(prints) == 2 and prints[0][1] != prints[1][1]
    twice = _doc("LB", "Papier", second=f"\n{BRAND}\n")
    prints = _prints(tmp_path, twice)
    assert len(prints) == 2 and prints[0][1] != prints[1][1]


def test_changed_sentence_or_code_changes_it() -> None:
    key = finding_key("VR-01", ("Leistung",), BRAND)
    assert fingerprint(key) != fingerprint(finding_key("VR-02", ("Leistung",), BRAND))
    assert fingerprint(key) != fingerprint(finding_key("VR-01", ("Leistung",), BRAND + " X"))
    assert fingerprint(key) != fingerprint(key, 2)
    assert len(fingerprint(key)) == 16
