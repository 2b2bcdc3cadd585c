"""The web app: upload page, HTML result with downloads, and ``POST /api/scan`` for tools.

Uploaded files live in a private temporary folder only while they are checked; results (report
and annotated copies) are kept in memory for their download links, the oldest dropped first.
Checking runs in a process pool, one task per file, so the event loop keeps answering while
documents are read and the files of one upload are checked side by side.

Pages, error messages and comments are in the language set with ``--lang`` / ``LBCHECK_LANG``;
without one, in the language the browser prefers (``Accept-Language``), German by default.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import multiprocessing
import secrets
import shutil
import tempfile
import time
from collections import OrderedDict
from collections.abc import AsyncIterator
from concurrent.futures import Executor, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from urllib.parse import quote

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from lbcheck.i18n import Lang, counted, from_accept_language, use
from lbcheck.reporters.html import report_context
from lbcheck.reporters.html.render import render_page
from lbcheck.web.limits import Limits, message
from lbcheck.web.uploads import UploadError, receive
from lbcheck.web.worker import BatchResult, check_one, collect, warm_up

_log = logging.getLogger(__name__)


class WorkerPool(ProcessPoolExecutor):
    """The checking processes, which :meth:`stop` ends within a bounded time."""

    def __init__(self, jobs: int) -> None:
        # spawn: the server runs threads, and a forked child of a threaded process may deadlock.
        super().__init__(jobs, mp_context=multiprocessing.get_context("spawn"))
        before = set(multiprocessing.active_children())
        for _ in range(jobs):
            self.submit(warm_up)
        # With spawn all workers start on the first submit; these are the ones stop() ends.
        self.workers = set(multiprocessing.active_children()) - before

    def stop(self, grace: float = 5.0) -> None:
        """Cancel what waits; give running checks ``grace`` seconds, then end the workers."""
        self.shutdown(wait=False, cancel_futures=True)
        deadline = time.monotonic() + grace
        for worker in self.workers:
            worker.join(max(0.0, deadline - time.monotonic()))
        for worker in self.workers:
            if worker.is_alive():
                worker.kill()
                worker.join(5)
        self.shutdown(wait=True)  # joins the manager thread, which releases the queues


def default_pool(jobs: int) -> WorkerPool:
    return WorkerPool(jobs)


class _Handlers:
    """The routes of one app, sharing its limits, its pool and its kept results."""

    def __init__(self, limits: Limits, pool: Executor | None, lang: Lang | None) -> None:
        self.limits = limits
        self.lang = lang
        self.own_pool = pool is None
        self.pool = pool
        self.results: OrderedDict[str, BatchResult] = OrderedDict()

    @contextlib.asynccontextmanager
    async def lifespan(self, _: Starlette) -> AsyncIterator[None]:
        if self.pool is None:
            self.pool = default_pool(self.limits.jobs)
        try:
            yield
        finally:
            if self.own_pool:
                pool, self.pool = self.pool, None
                if isinstance(pool, WorkerPool):
                    pool.stop()
                else:
                    pool.shutdown(wait=True, cancel_futures=True)

    def language(self, request: Request) -> Lang:
        """The language chosen at start, else the browser's; German by default."""
        return self.lang or from_accept_language(request.headers.get("accept-language"))

    def error(self, request: Request, code: str, as_json: bool, name: str = "") -> Response:
        with use(self.language(request)):
            status, text = message(code, self.limits, name)
            if as_json:
                return JSONResponse(
                    {"error": {"code": code, "message": text}}, status_code=status, headers=_VARY
                )
            page = render_page("web_error.html.j2", code=code, text=text)
        return HTMLResponse(page, status_code=status, headers=_VARY)

    async def run(self, request: Request) -> BatchResult:
        folder = Path(tempfile.mkdtemp(prefix="lbcheck-web-"))
        try:
            stored = await receive(request, folder, self.limits)
            files = [(s.path, s.name) for s in stored]
            lang = self.language(request)
            loop = asyncio.get_running_loop()
            try:
                checked = await asyncio.gather(
                    *(
                        loop.run_in_executor(
                            self.pool, check_one, path, name, self.limits.max_file_bytes, lang
                        )
                        for path, name in files
                    )
                )
            except BrokenProcessPool as exc:
                # A worker died (killed, out of memory): later uploads get a fresh pool.
                _log.exception("lbcheck serve: Prüfprozess abgebrochen")
                self.renew_pool()
                raise UploadError("internal") from exc
            except Exception as exc:
                _log.exception("lbcheck serve: Prüfung fehlgeschlagen")
                raise UploadError("internal") from exc
            with use(lang):
                return collect(checked, lang)
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    def renew_pool(self) -> None:
        if self.own_pool and self.pool is not None:
            self.pool.shutdown(wait=False, cancel_futures=True)
            self.pool = default_pool(self.limits.jobs)

    def keep(self, result: BatchResult) -> str:
        token = secrets.token_urlsafe(16)
        self.results[token] = result
        while len(self.results) > self.limits.keep_results:
            self.results.popitem(last=False)
        return token

    async def upload_page(self, request: Request) -> Response:
        with use(self.language(request)):
            page = render_page("web_upload.html.j2", limits=self.limits, counted=counted)
        return HTMLResponse(page, headers=_VARY)

    async def scan_page(self, request: Request) -> Response:
        try:
            result = await self.run(request)
        except UploadError as exc:
            return self.error(request, exc.code, as_json=False, name=exc.name)
        with use(self.language(request)):
            page = render_page(
                "web_result.html.j2",
                token=self.keep(result),
                annotated=result.annotated,
                **report_context(result.report),
            )
        return HTMLResponse(page, headers=_VARY)

    async def api_scan(self, request: Request) -> Response:
        try:
            result = await self.run(request)
        except UploadError as exc:
            return self.error(request, exc.code, as_json=True, name=exc.name)
        return Response(result.json, media_type="application/json", headers=_VARY)

    async def download_json(self, request: Request) -> Response:
        result = self.results.get(request.path_params["token"])
        if result is None:
            return self.error(request, "not-found", as_json=False)
        return _attachment(result.json.encode(), "lbcheck-bericht.json", "application/json")

    async def download_document(self, request: Request) -> Response:
        result = self.results.get(request.path_params["token"])
        index = request.path_params["index"]
        item = None
        if result is not None and 0 < index <= len(result.annotated):
            item = result.annotated[index - 1]
        if item is None:
            return self.error(request, "not-found", as_json=False)
        return _attachment(item.data, item.name, "application/octet-stream")


# The pages depend on the browser's language: caches must keep one copy per language.
_VARY = {"vary": "accept-language"}


def _attachment(data: bytes, name: str, media_type: str) -> Response:
    disposition = f"attachment; filename*=UTF-8''{quote(name)}"
    return Response(data, media_type=media_type, headers={"content-disposition": disposition})


def create_app(
    limits: Limits | None = None, pool: Executor | None = None, lang: Lang | None = None
) -> Starlette:
    """The ASGI app. ``pool`` defaults to a process pool of ``limits.jobs`` workers; ``lang``
    fixes the language of pages and messages (None: the browser's ``Accept-Language``)."""
    h = _Handlers(limits or Limits(), pool, lang)
    routes = [
        Route("/", h.upload_page),
        Route("/pruefen", h.scan_page, methods=["POST"]),
        Route("/api/scan", h.api_scan, methods=["POST"]),
        Route("/ergebnis/{token}/bericht.json", h.download_json),
        Route("/ergebnis/{token}/dokument/{index:int}", h.download_document),
    ]
    return Starlette(routes=routes, lifespan=h.lifespan)
