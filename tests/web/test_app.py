"""The web app's routes through its test client, checking in a thread pool for speed (the
browser test runs the real process pool)."""

from __future__ import annotations

import io
import json
import tempfile
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

import docx
import jsonschema
import lxml.html
import pytest
from starlette.testclient import TestClient

from lbcheck.cli import main
from lbcheck.cli_serve import is_loopback
from lbcheck.i18n import from_accept_language
from lbcheck.web.app import create_app
from lbcheck.web.limits import ERROR_CODES, Limits, message

pytestmark = pytest.mark.timeout(120)
ROOT = Path(__file__).resolve().parents[2]
MD = ROOT / "examples" / "lb_bueromaterial.md"
DOCX = ROOT / "examples" / "lb_reinigung.docx"


class RecordingPool(ThreadPoolExecutor):
    """A thread pool that remembers what it was asked to run."""

    def __init__(self) -> None:
        super().__init__(1)
        self.calls: list[str] = []

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        self.calls.append(fn.__name__)
        return super().submit(fn, *args, **kwargs)


@pytest.fixture
def temp_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "tmp"
    root.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(root))
    return root


@pytest.fixture
def pool() -> Iterator[RecordingPool]:
    with RecordingPool() as p:
        yield p


def client(pool: RecordingPool, **limits: Any) -> TestClient:
    return TestClient(create_app(Limits(**limits), pool=pool))


def files(*paths: Path) -> list[tuple[str, tuple[str, bytes]]]:
    return [("files", (p.name, p.read_bytes())) for p in paths]


def test_upload_page_in_german(pool: RecordingPool) -> None:
    with client(pool) as c:
        page = c.get("/")
    assert page.status_code == 200
    html = lxml.html.document_fromstring(page.text)
    assert html.get("lang") == "de"
    field = html.get_element_by_id("files")
    assert field.get("name") == "files" and field.get("multiple") is not None
    assert html.xpath("string(//label[@for='files'])").startswith("Leistungsbeschreibung")
    assert "Höchstens 20 Dateien" in page.text


def test_api_scan_answers_with_the_json_report(pool: RecordingPool, temp_root: Path) -> None:
    with client(pool) as c:
        answer = c.post("/api/scan", files=files(MD, DOCX))
    assert answer.status_code == 200
    report = answer.json()
    schema = json.loads((ROOT / "docs" / "report.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(report, schema)
    assert [d["path"] for d in report["documents"]] == [MD.name, DOCX.name]
    assert report["summary"]["findings"]["error"] >= 1
    assert pool.calls == ["check_one", "check_one"]  # one pool task per file, not on the loop
    assert list(temp_root.iterdir()) == []  # uploads deleted


def test_result_page_with_downloads(pool: RecordingPool, temp_root: Path) -> None:
    with client(pool) as c:
        page = c.post("/pruefen", files=files(DOCX, MD))
        assert page.status_code == 200
        html = lxml.html.document_fromstring(page.text)
        assert html.xpath("string(//p[@class='verdict'])").startswith("Fazit: ")
        links = {a.text_content(): a.get("href") for a in html.xpath("//nav//a[@download]")}
        assert set(links) == {"lb_reinigung.lbcheck.docx", "lbcheck-bericht.json"}
        annotated = c.get(links["lb_reinigung.lbcheck.docx"])
        report = c.get(links["lbcheck-bericht.json"])
        missing = c.get(links["lbcheck-bericht.json"].replace("/ergebnis/", "/ergebnis/x"))
    assert annotated.status_code == 200
    assert "lb_reinigung.lbcheck.docx" in annotated.headers["content-disposition"]
    assert len(docx.Document(io.BytesIO(annotated.content)).comments) > 0
    assert report.json()["documents"][1]["path"] == MD.name
    assert missing.status_code == 404 and "erneut prüfen" in missing.text
    assert list(temp_root.iterdir()) == []


@pytest.mark.parametrize(
    ("limits", "upload", "code"),
    [
        ({"max_files": 1}, lambda: files(MD, MD), "too-many-files"),
        ({"max_files": 2}, lambda: files(MD, MD, MD, MD, MD), "too-many-files"),
        ({"max_file_mb": 0.001}, lambda: files(DOCX), "file-too-large"),
        ({"max_total_mb": 0.003}, lambda: files(MD, MD), "total-too-large"),
        ({}, lambda: [("andere", ("a.md", b"x"))], "no-files"),
    ],
)
def test_limits_answer_with_a_code_and_a_german_sentence(
    pool: RecordingPool, temp_root: Path, limits: dict[str, float], upload: Callable[[], Any],
    code: str,
) -> None:  # fmt: skip
    with client(pool, **limits) as c:
        api = c.post("/api/scan", files=upload())
        page = c.post("/pruefen", files=upload())
    about = DOCX.name if code == "file-too-large" else ""  # the file is named
    status, text = message(code, Limits(**limits), about)  # type: ignore[arg-type]
    assert api.status_code == page.status_code == status
    assert api.json() == {"error": {"code": code, "message": text}}
    assert text in lxml.html.document_fromstring(page.text).text_content()
    assert pool.calls == []
    assert list(temp_root.iterdir()) == []


def test_not_multipart(pool: RecordingPool) -> None:
    with client(pool) as c:
        answer = c.post("/api/scan", content=b"{}", headers={"content-type": "application/json"})
    assert answer.status_code == 400 and answer.json()["error"]["code"] == "not-multipart"


def test_every_error_code_has_a_german_message() -> None:
    for code in ERROR_CODES:
        status, text = message(code, Limits())
        assert 400 <= status < 600 and text.endswith(".")


def test_hostile_file_name_is_shown_safely(pool: RecordingPool, temp_root: Path) -> None:
    name = "../../x/<img src=x onerror=alert(1)>\u202e.md"
    with client(pool) as c:
        page = c.post("/pruefen", files=[("files", (name, MD.read_bytes()))])
    html = lxml.html.document_fromstring(page.text)
    assert not html.findall(".//img")
    assert html.xpath("string(//h2[@id='dok-1-titel'])") == "<img src=x onerror=alert(1)>.md"
    assert list(temp_root.iterdir()) == []


def test_serve_binds_elsewhere_only_when_asked(capsys: pytest.CaptureFixture[str]) -> None:
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.0.2.1")
    assert main(["serve", "--host", "0.0.0.0"]) == 2
    assert "--allow-remote" in capsys.readouterr().err
    assert main(["serve", "--max-file-mb", "nan"]) == 2


def _slow_check(*args: Any) -> Any:
    import time

    from lbcheck.web import worker

    time.sleep(1.5)
    return worker.check_one(*args)


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.mark.anyio
async def test_a_running_check_does_not_block_the_app(
    pool: RecordingPool, monkeypatch: pytest.MonkeyPatch
) -> None:
    import asyncio

    import httpx

    from lbcheck.web import app as app_module

    monkeypatch.setattr(app_module, "check_one", _slow_check)
    web = create_app(Limits(), pool=pool)
    transport = httpx.ASGITransport(app=web)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as c:
        scan = asyncio.create_task(c.post("/api/scan", files=files(MD)))
        await asyncio.sleep(0.3)
        page = await c.get("/")
        assert page.status_code == 200
        assert not scan.done()  # the upload page answered while the check still ran
        assert (await scan).status_code == 200


class FailingPool(RecordingPool):
    """A pool whose checks fail as a bug or a killed worker process would make them fail."""

    def __init__(self, error: Exception) -> None:
        super().__init__()
        self.error = error

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        if fn.__name__ != "check_one":
            return super().submit(fn, *args, **kwargs)
        self.calls.append(fn.__name__)
        failed: Future[Any] = Future()
        failed.set_exception(self.error)
        return failed


def test_a_failed_check_answers_in_german_and_a_dead_pool_is_renewed(
    temp_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from concurrent.futures.process import BrokenProcessPool

    from lbcheck.web import app as app_module

    made: list[RecordingPool] = []

    def pools(jobs: int) -> RecordingPool:
        made.append(FailingPool(BrokenProcessPool("tot")) if not made else RecordingPool())
        return made[-1]

    monkeypatch.setattr(app_module, "default_pool", pools)
    status, text = message("internal", Limits())
    with TestClient(create_app(Limits())) as c:
        failed = c.post("/api/scan", files=files(MD))
        assert failed.status_code == status == 500
        assert failed.json() == {"error": {"code": "internal", "message": text}}
        again = c.post("/pruefen", files=files(MD))
    assert again.status_code == 200 and len(made) == 2  # the next upload got a fresh pool
    assert made[1].calls == ["check_one"]
    assert list(temp_root.iterdir()) == []
    for pool in made:
        pool.shutdown()


def test_a_bug_in_a_check_is_a_german_error_page(temp_root: Path) -> None:
    failing = FailingPool(RuntimeError("Fehler im Programm"))
    with failing, TestClient(create_app(Limits(), pool=failing)) as c:
        page = c.post("/pruefen", files=files(MD))
    status, text = message("internal", Limits())
    assert page.status_code == status
    html = lxml.html.document_fromstring(page.text)
    assert html.xpath("string(//p[@role='alert'])") == text
    assert "Fehler im Programm" not in page.text  # no internals shown to the user
    assert list(temp_root.iterdir()) == []


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (None, "de"),
        ("", "de"),
        ("fr-FR,fr;q=0.9", "de"),
        ("en-US,en;q=0.9", "en"),
        ("de-DE,de;q=0.9,en;q=0.8", "de"),
        ("fr;q=1, en;q=0.5, de;q=0.7", "de"),
        ("de;q=0, en-GB", "en"),
        ("en;q=abc, de;q=0.1", "de"),
    ],
)
def test_language_from_the_browser(header: str | None, expected: str) -> None:
    assert from_accept_language(header) == expected


def test_upload_and_error_pages_follow_the_browser_language(pool: RecordingPool) -> None:
    english = {"accept-language": "en-GB,en;q=0.9,de;q=0.5"}
    with client(pool) as c:
        page = c.get("/", headers=english)
        german = c.get("/", headers={"accept-language": "de-DE"})
        missing = c.get("/ergebnis/nichts/bericht.json", headers=english)
        api = c.post("/api/scan", files=[("andere", ("a.md", b"x"))], headers=english)
    html = lxml.html.document_fromstring(page.text)
    assert html.get("lang") == "en" and page.headers["vary"] == "accept-language"
    assert html.findtext(".//title") == "lbcheck – check a tender"
    assert html.xpath("string(//label[@for='files'])").startswith("Specification or tender")
    text = " ".join(html.text_content().split())
    assert "At most 20 files, up to 20 MB each, 100 MB together." in text
    assert html.xpath("string(//button[@type='submit'])") == "Check"
    for word in ("Ausschreibung", "Dateien", "Prüfen", "Höchstens", "Bericht"):
        assert word not in text, word
    assert lxml.html.document_fromstring(german.text).get("lang") == "de"
    assert "Höchstens 20 Dateien" in german.text
    error = lxml.html.document_fromstring(missing.text)
    assert missing.status_code == 404 and error.get("lang") == "en"
    assert "Error code:" in error.text_content() and "Fehlercode" not in error.text_content()
    assert "does not exist (any more)" in error.xpath("string(//p[@role='alert'])")
    assert api.json()["error"] == {"code": "no-files", "message": api.json()["error"]["message"]}
    assert api.json()["error"]["message"].startswith("Please choose at least one file")


def test_result_page_and_comments_in_english(pool: RecordingPool, temp_root: Path) -> None:
    with TestClient(create_app(Limits(), pool=pool, lang="en")) as c:
        # The language given at start (--lang, LBCHECK_LANG) wins over the browser's.
        page = c.post("/pruefen", files=files(DOCX), headers={"accept-language": "de"})
        html = lxml.html.document_fromstring(page.text)
        links = {a.text_content(): a.get("href") for a in html.xpath("//nav//a[@download]")}
        annotated = c.get(links["lb_reinigung.lbcheck.docx"])
        report = c.get(links["lbcheck-bericht.json"]).json()
    assert html.get("lang") == "en"
    assert html.xpath("string(//p[@class='verdict'])").startswith("Verdict: change 1 place")
    text = " ".join(html.text_content().split())
    for english in ("Result and downloads", "Download with comments:", "Check more files"):
        assert english in text, english
    for german in ("Fazit", "Ergebnis und Downloads", "herunterladen", "Weitere Dateien"):
        assert german not in text, german
    comments = [c.text for c in docx.Document(io.BytesIO(annotated.content)).comments]
    assert any(c.startswith("lbcheck – verdict: ") for c in comments)
    assert not any("Warum:" in c or "Fazit" in c for c in comments)
    places = [f["location"]["text"] for f in report["documents"][0]["findings"]]
    assert places and not any("Abschnitt" in p or "Abs." in p for p in places)
