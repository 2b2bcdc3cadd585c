"""The project's own set of malicious and broken files, each with the result it must give.

``python -m tests.hostile.build OUT`` writes them to folder OUT (plus the criteria files);
the suite builds them in memory (tests/hostile/test_hostile_files.py). ``expected`` is an
error code of lbcheck or ``ok``; ``forbidden`` is text that must not reach the report.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tests.hostile import office, pdfs
from tests.hostile.criteria_files import PYTHON_TAG, alias_bomb, user_set
from tests.hostile.zips import Member, deflated, stored, zero_bomb

MB = 1024 * 1024


@dataclass(frozen=True)
class Case:
    name: str  # file name with suffix
    build: Callable[[], bytes]
    expected: str
    slow: bool = False  # multi-GB when inflated: run under the "slow" marker
    forbidden: str | None = None
    needs: str | None = None  # text that must be in the report (nothing dropped)


def _doc(*texts: str) -> bytes:
    return office.docx(office.document_xml("".join(office.paragraph(t) for t in texts)))


def _numbered(fmt: str, start: int) -> bytes:
    body = "".join(office.paragraph(office.SENTENCE, num_id=7) for _ in range(3))
    return office.docx(office.document_xml(body), numbering=office.numbering_xml(fmt, start))


def _xml_member(name: str, megabytes: int) -> Member:
    para = office.paragraph("Papier " * 40).encode()
    body = para * (megabytes * MB // len(para))
    return deflated(name, office.document_xml(body.decode()))


def _encrypted_member() -> bytes:
    m = deflated("word/document.xml", office.document_xml(office.paragraph("x")))
    return office.docx(Member(m.name, m.payload, m.method, m.size, m.crc, flags=1))


def _deep_xml(depth: int) -> bytes:
    return office.docx(office.document_xml("<w:sdt>" * depth + "</w:sdt>" * depth))


XXE = '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
EXT_DTD = '<!DOCTYPE w:document SYSTEM "http://lbcheck.invalid/evil.dtd">'
LAUGHS = (
    '<!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
    '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">'
    '<!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">]>'
)
NESTED_LIST = "".join("  " * i + f"- Punkt {i}\n" for i in range(12))
JS_PDF = pdfs.raw_pdf(
    [
        b"<< /Type /Catalog /Pages 2 0 R /OpenAction 6 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length 68 >>\nstream\nBT /F1 12 Tf 72 700 Td (Recyclingpapier muss verwendet werden.)"
        b" Tj ET\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /S /JavaScript /JS (app.alert\\('lbcheck-js'\\);) >>",
    ]
)


def _encrypted_pdf() -> bytes:
    from tests.ingest.pdf_factory import build_pdf, encrypt, text_page

    return encrypt(build_pdf([text_page([office.SENTENCE])]), "geheim", "owner")


def _no_text_pdf() -> bytes:
    from tests.ingest.pdf_factory import Page, build_pdf

    return build_pdf([Page(graphics="0 0 100 100 re f")])


CASES: tuple[Case, ...] = (
    # ZIP packages: bombs by declared size, by lying size, by ratio, by total and by count
    Case("zip_declared_1gb.docx", lambda: office.docx(zero_bomb("word/document.xml", 1024)),
         "too-large"),
    Case("zip_declared_4gb_zip64.docx", lambda: office.docx(zero_bomb("word/document.xml", 4096)),
         "too-large", slow=True),
    Case("zip_lying_size_1gb.docx",
         lambda: office.docx(zero_bomb("word/document.xml", 1024, declared=900)), "too-large"),
    Case("zip_lying_size_4gb.odt", lambda: office.odt(zero_bomb("content.xml", 4096, 900)),
         "too-large", slow=True),
    Case("zip_ratio_100mb.docx", lambda: office.docx(zero_bomb("word/document.xml", 100)),
         "too-large"),
    Case("zip_total_xml_300mb.docx",
         lambda: office.docx(_xml_member("word/document.xml", 300)), "too-large", slow=True),
    Case("zip_many_members.docx",
         lambda: office.docx(office.document_xml(office.paragraph(office.SENTENCE)),
                             *(stored(f"x/{i}.xml", b"<a/>") for i in range(5000))),
         "too-large"),
    Case("zip_traversal_names.docx",
         lambda: office.docx(office.document_xml(office.paragraph(office.SENTENCE)),
                             stored("../../../tmp/lbcheck-evil.txt", b"evil"),
                             stored("/etc/lbcheck-evil", b"evil")), "ok"),
    Case("zip_encrypted_member.docx", _encrypted_member, "encrypted"),
    Case("zip_truncated.docx", lambda: _doc(office.SENTENCE)[:200], "corrupt"),
    # XML inside the packages
    Case("xml_xxe.docx", lambda: office.docx(office.document_xml(
        office.paragraph("Vor &xxe; nach. " + office.SENTENCE), XXE)), "ok", forbidden="root:",
         needs="nach. Kopierpapier"),
    Case("xml_external_dtd.docx", lambda: office.docx(office.document_xml(
        office.paragraph(office.SENTENCE), EXT_DTD)), "ok"),
    Case("xml_billion_laughs.docx", lambda: office.docx(office.document_xml(
        office.paragraph("&f; " + office.SENTENCE), LAUGHS)), "too-large"),
    Case("xml_deep_nesting.docx", lambda: _deep_xml(100_000), "too-large"),
    # Counters and repeat counts
    Case("docx_roman_1e15.docx", lambda: _numbered("lowerRoman", 10**15), "ok", needs="Altpapier"),
    Case("docx_letters_1e11.docx", lambda: _numbered("lowerLetter", 10**11), "ok",
         needs="Altpapier"),
    Case("docx_start_huge_digits.docx", lambda: _numbered("upperRoman", int("9" * 60)), "ok"),
    Case("odt_space_count_1e10.odt", lambda: office.odt(office.content_xml(
        '<text:p>Kopierpapier<text:s text:c="10000000000"/>muss aus Altpapier sein.</text:p>')),
         "ok", needs="Altpapier"),
    Case("odt_encrypted.odt", lambda: office.odt(office.content_xml("<text:p>x</text:p>"),
         manifest=office.MANIFEST.replace(b"</manifest:file-entry>", b"").replace(
             b'text"/>', b'text"><manifest:encryption-data/></manifest:file-entry>')),
         "encrypted"),
    # PDF object graphs and layouts
    Case("pdf_nested_forms.pdf", lambda: pdfs.nested_forms(40), "too-large"),
    Case("pdf_nested_forms_string_subtype.pdf", lambda: pdfs.nested_forms(40, subtype=b"(Form)"),
         "too-large"),
    Case("pdf_form_cycle.pdf", pdfs.self_drawing_form, "corrupt"),
    Case("pdf_page_million_times.pdf", lambda: pdfs.repeated_page(1_000_000), "too-large"),
    Case("pdf_raised_digits.pdf", lambda: pdfs.raised_digits(12_000), "ok"),
    Case("pdf_javascript.pdf", lambda: JS_PDF, "ok", forbidden="lbcheck-js"),
    Case("pdf_encrypted.pdf", _encrypted_pdf, "encrypted"),
    Case("pdf_no_text.pdf", _no_text_pdf, "no-text"),
    Case("pdf_truncated.pdf", lambda: JS_PDF[:150], "corrupt"),
    # Text for the tokenizer and the limits
    Case("text_parens_100k.txt", lambda: b"(" * 100_000, "ok"),
    Case("text_brackets_100k.txt", lambda: b"Preis [" + b"[" * 100_000 + b" netto", "ok"),
    Case("text_mixed_runs.md", ("([{<" * 30_000 + "\n\n" + office.SENTENCE).encode, "ok"),
    Case("text_49mb.txt", lambda: (office.SENTENCE + "\n").encode() * (49 * MB // 52), "too-large"),
    Case("text_escape_sequences.txt",
         f"\x1b]0;lbcheck-title\x07\x1b[2J{office.SENTENCE * 20}\x1b[0m".encode,
         "ok", forbidden="\x1b", needs="lbcheck-title"),
    Case("markdown_nested_12.md", (NESTED_LIST + "\nNachher steht noch Text.\n").encode,
         "ok", needs="Nachher"),
    Case("markdown_quotes_5000.md", (">" * 5000 + " tief\n\nNachher.\n").encode, "ok",
         needs="Nachher"),
    # Masquerading and tiny files
    Case("masquerade_pdf_as.docx", lambda: JS_PDF, "unsupported"),
    Case("masquerade_docx_as.pdf", lambda: _doc(office.SENTENCE), "unsupported"),
    Case("masquerade_binary_as.txt", lambda: b"\x00\x01\x02ELF" * 100, "unsupported"),
    Case("old_word_as.docx", lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600,
         "unsupported"),
    Case("empty.docx", lambda: b"", "empty"),
    Case("empty.pdf", lambda: b"", "empty"),
    Case("empty.odt", lambda: b"", "empty"),
    Case("empty.md", lambda: b"", "empty"),
    Case("one_byte.txt", lambda: b"x", "ok"),
    Case("one_byte.pdf", lambda: b"%", "corrupt"),
    Case("one_byte.docx", lambda: b"P", "corrupt"),
)  # fmt: skip

#: Criteria files and the CLI exit code ``--criteria`` / ``criteria validate`` must give.
CRITERIA: dict[str, tuple[str, int]] = {
    "criteria_alias_bomb.yaml": (alias_bomb(), 2),
    "criteria_python_tag.yaml": (PYTHON_TAG, 2),
    "criteria_catastrophic_regex.yaml": (user_set("(a|a)+$"), 2),
}


def main(argv: list[str]) -> int:
    """Write every case (and the criteria files) into the folder given as the argument."""
    if len(argv) != 1:
        sys.stderr.write("usage: python -m tests.hostile.build OUT\n")
        return 2
    out = Path(argv[0])
    out.mkdir(parents=True, exist_ok=True)
    for case in CASES:
        (out / case.name).write_bytes(case.build())
    for name, (text, _) in CRITERIA.items():
        (out / name).write_text(text, encoding="utf-8")
    sys.stdout.write(f"{len(CASES)} files and {len(CRITERIA)} criteria files in {out}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
