"""ODT: office:annotation around each sentence; every other part copied byte for byte."""

from __future__ import annotations

import io
import zipfile

from lbcheck.annotate import annotate_bytes
from lbcheck.annotate.notes import Notes
from tests.annotate.helpers import note, odf_anchors, same_words
from tests.ingest.test_ingest_odt import odt


def test_annotations_around_sentences_and_on_the_title() -> None:
    original = odt()
    notes = Notes(
        (
            note("Papier muss aus Altpapier bestehen.", "VR-04"),
            note("Die Abrechnung erfolgt monatlich.", "VR-06"),
            note("Ein Satz, den es nicht gibt.", "VR-01", paragraph=99),
        ),
        title=("lbcheck – Fazit: 1 Kriterium ergänzen.",),
    )
    data, placed = annotate_bytes(".odt", original, notes)
    assert placed.exact == ["VR-04", "VR-06"] and placed.approximate == ["VR-01"]
    package = zipfile.ZipFile(io.BytesIO(data))
    anchors = odf_anchors(package.read("content.xml"))
    assert same_words(anchors["lbcheck-1"], "Papier muss aus Altpapier bestehen.")
    assert anchors["lbcheck-1"].endswith("bestehen.")  # the footnote between stays outside
    assert anchors["lbcheck-2"] == "Die Abrechnung erfolgt monatlich."
    content = package.read("content.xml").decode()
    assert content.count("<office:annotation ") == 4  # three sentences and the title
    assert "Gleichwertige Gütezeichen werden anerkannt." in content  # the footnote kept


def test_other_parts_unchanged_and_mimetype_first() -> None:
    original = odt()
    data, _ = annotate_bytes(".odt", original, Notes((note("Die Abrechnung erfolgt monatlich."),)))
    before, after = zipfile.ZipFile(io.BytesIO(original)), zipfile.ZipFile(io.BytesIO(data))
    assert after.namelist() == before.namelist()
    assert after.infolist()[0].filename == "mimetype"
    assert after.infolist()[0].compress_type == zipfile.ZIP_STORED
    for name in before.namelist():
        if name != "content.xml":
            assert after.read(name) == before.read(name), name
