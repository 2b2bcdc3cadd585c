"""Receive uploaded files into a private temporary folder, within the limits."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.formparsers import MultiPartException
from starlette.requests import Request

from lbcheck.web.limits import Limits

_CHUNK = 1024 * 1024


class UploadError(Exception):
    """A request-level problem with a code from ``limits.ERROR_CODES``."""

    def __init__(self, code: str, name: str = "") -> None:
        super().__init__(code)
        self.code = code
        self.name = name  # the file it is about, where there is one


@dataclass(frozen=True, slots=True)
class Stored:
    path: str  # where the upload was written
    name: str  # the file name the user gave, made safe to show


def display_name(raw: str | None, index: int) -> str:
    """The user's file name without folders, controls or bidi characters; never empty."""
    name = re.split(r"[\\/]", raw or "")[-1]
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C").strip(" .")
    return name[:120] or f"datei-{index}"


async def receive(request: Request, folder: Path, limits: Limits) -> list[Stored]:
    """Write the ``files`` of a multipart request into ``folder`` (created by the caller)."""
    if not request.headers.get("content-type", "").startswith("multipart/form-data"):
        raise UploadError("not-multipart")
    length = request.headers.get("content-length")
    if length is not None and length.isdigit() and int(length) > limits.max_total_bytes + _CHUNK:
        raise UploadError("total-too-large")
    try:
        form = await request.form(max_files=limits.max_files, max_fields=10)
    except (HTTPException, MultiPartException) as exc:
        text = str(getattr(exc, "detail", exc))
        raise UploadError(
            "too-many-files" if "Too many files" in text else "not-multipart"
        ) from exc
    try:
        uploads = [f for f in form.getlist("files") if isinstance(f, UploadFile)]
        if not uploads or all(not u.filename and not u.size for u in uploads):
            raise UploadError("no-files")
        if len(uploads) > limits.max_files:
            raise UploadError("too-many-files")
        stored: list[Stored] = []
        total = 0
        for index, upload in enumerate(uploads, start=1):
            name = display_name(upload.filename, index)
            target = folder / f"{index:03d}{Path(name).suffix.lower()[:10]}"
            size = 0
            with target.open("xb") as out:
                while chunk := await upload.read(_CHUNK):
                    size += len(chunk)
                    total += len(chunk)
                    if size > limits.max_file_bytes:
                        raise UploadError("file-too-large", name)
                    if total > limits.max_total_bytes:
                        raise UploadError("total-too-large")
                    out.write(chunk)
            stored.append(Stored(str(target), name))
        return stored
    finally:
        await form.close()
