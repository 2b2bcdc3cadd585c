"""Numbers taken from a file are clamped and rendered in constant time."""

from __future__ import annotations

import time

import pytest

from lbcheck.ingest.docx_styles import _format
from lbcheck.ingest.limits import count_attribute


@pytest.mark.parametrize(
    ("value", "fmt", "label"),
    [
        (3, "lowerRoman", "iii"),
        (1994, "upperRoman", "MCMXCIV"),
        (27, "lowerLetter", "aa"),
        (52, "upperLetter", "ZZ"),
        (7, "decimalZero", "07"),
        (10**15, "lowerRoman", str(10**15)),
        (10**11, "lowerLetter", str(10**11)),
        (0, "lowerRoman", "0"),
    ],
)
def test_list_labels(value: int, fmt: str, label: str) -> None:
    start = time.perf_counter()
    assert _format(value, fmt) == label
    assert time.perf_counter() - start < 0.1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (None, 1),
        ("5", 5),
        ("10000000000", 64),
        ("9" * 5000, 64),  # int() would refuse more than 4300 digits
        ("-3", 1),
        ("٣", 1),  # a non-ASCII digit is no count
        (" 7 ", 7),
    ],
)
def test_count_attribute(text: str | None, expected: int) -> None:
    assert count_attribute(text, 1, 64) == expected
