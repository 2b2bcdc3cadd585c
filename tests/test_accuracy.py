"""Accuracy on the labelled development corpora (../shared/corpus), at the targets of the
catalogue issue. Skipped when the shared corpus is not present (it is not ours to ship)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import CORPUS, SHARED

LBCHECK = Path(sys.executable).with_name("lbcheck")
TARGETS = {
    # corpus: (labels, criteria P, criteria R, rules P, rules R, met/weak agreement, subject)
    "synthetic": ("synthetic-labels.yaml", 0.95, 0.95, 0.90, 0.85, 0.90, 0.85),
    # The targets of issue 6 on all 64 real documents (met/weak 0.92, subject 0.80; reached
    # 0.96 and 0.84).
    "real": ("real-dev-labels.yaml", 0.95, 0.92, 0.85, 0.80, 0.92, 0.80),
}


@pytest.mark.parametrize("corpus", sorted(TARGETS))
def test_accuracy_targets(corpus: str, tmp_path: Path) -> None:
    evaluate = SHARED / "eval" / "evaluate.py"
    if not evaluate.exists() or not (CORPUS / corpus).is_dir():
        pytest.skip("shared corpus not available")
    labels, cp, cr, rp, rr, agree, subject = TARGETS[corpus]
    out = tmp_path / "result.json"
    subprocess.run(
        [sys.executable, str(evaluate), "--labels", str(CORPUS / labels),
         "--docs", str(CORPUS / corpus), "--lbcheck", str(LBCHECK), "--json", str(out)],
        check=True, capture_output=True, text=True,
    )  # fmt: skip
    result = json.loads(out.read_text(encoding="utf-8"))
    assert result["crashes"] == 0
    assert result["handled"] == result["files"]
    crit, rules = result["criteria"], result["rules"]
    assert crit["precision"] >= cp and crit["recall"] >= cr, result["disagreements"]
    assert rules["precision"] >= rp and rules["recall"] >= rr, result["disagreements"]
    assert crit["status_agreement"] >= agree, result["disagreements"]
    assert result["subject_jaccard"] >= subject
