"""``lbcheck serve``: the local web app (registered on the app; needs the ``web`` extra).

SIGTERM (``kill``, ``docker stop``, systemd) stops the server as Ctrl-C does: open requests get
a few seconds, the checking processes are ended, and the command exits with 143 (128 + 15, the
shell's code for SIGTERM; Ctrl-C gives 130).
"""

from __future__ import annotations

import gc
import ipaddress
import signal
import sys
from types import FrameType
from typing import Annotated

import typer

from lbcheck.cli._app import LANG_OPTION, apply_lang
from lbcheck.errors import UsageError
from lbcheck.i18n import chosen, tr

EXIT_TERMINATED = 143
GRACEFUL_SECONDS = 5  # for open requests after SIGTERM or Ctrl-C; then the workers are ended


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _terminated(signum: int, frame: FrameType | None) -> None:
    # uvicorn handles SIGTERM itself while it serves and raises it again once it has shut
    # down; this handler then ends the command (and ends it early if uvicorn has not started).
    del signum, frame
    raise SystemExit(EXIT_TERMINATED)


def serve(
    host: Annotated[
        str,
        typer.Option(help="Adresse; andere als 127.0.0.1 nur mit --allow-remote (siehe Doku)"),
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port")] = 8765,
    allow_remote: Annotated[
        bool, typer.Option(help="an eine Adresse binden, die andere Rechner erreichen")
    ] = False,
    jobs: Annotated[int, typer.Option("--jobs", "-j", help="parallele Prüfprozesse")] = 2,
    max_files: Annotated[int, typer.Option(help="höchstens so viele Dateien je Upload")] = 20,
    max_file_mb: Annotated[float, typer.Option(help="Höchstgröße je Datei in MB")] = 20.0,
    max_total_mb: Annotated[float, typer.Option(help="Höchstgröße je Upload in MB")] = 100.0,
    lang: Annotated[str | None, LANG_OPTION] = None,
) -> None:
    """Startet die lokale Web-Oberfläche: Dateien hochladen, Bericht lesen, kommentierte Kopie
    und JSON herunterladen. Dazu POST /api/scan (Feld 'files') für andere Werkzeuge."""
    apply_lang(lang)
    if not is_loopback(host) and not allow_remote:
        raise UsageError(
            tr(
                "--host {host} ist von anderen Rechnern erreichbar. lbcheck serve hat keine "
                "Anmeldung; nur mit --allow-remote und hinter einem Zugangsschutz betreiben.",
                host=host,
            )
        )
    for name, value in (("--jobs", jobs), ("--max-files", max_files)):
        if value < 1:
            raise UsageError(tr("{name} muss mindestens 1 sein.", name=name))
    for name, size in (("--max-file-mb", max_file_mb), ("--max-total-mb", max_total_mb)):
        if not 0 < size < 10_000:
            raise UsageError(tr("{name} muss eine Zahl zwischen 0 und 10000 sein.", name=name))
    try:
        import uvicorn

        from lbcheck.web.app import create_app
        from lbcheck.web.limits import Limits
    except ImportError as exc:
        raise UsageError(
            tr("Die Web-Oberfläche braucht Zusatzpakete: pip install 'lbcheck[web]'")
        ) from exc
    if not is_loopback(host):
        sys.stderr.write(
            tr(
                "Warnung: lbcheck serve ist unter {host}:{port} für andere Rechner erreichbar, "
                "ohne Anmeldung.",
                host=host,
                port=port,
            )
            + "\n"
        )
    limits = Limits(max_files, max_file_mb, max_total_mb, jobs)
    config = uvicorn.Config(
        create_app(limits, lang=chosen()),
        host=host,
        port=port,
        log_level="warning",
        timeout_graceful_shutdown=GRACEFUL_SECONDS,
    )
    sys.stderr.write(
        tr(
            "lbcheck: Web-Oberfläche unter http://{host}:{port}/ (Ende mit Strg+C)",
            host=host,
            port=port,
        )
        + "\n"
    )
    previous = signal.signal(signal.SIGTERM, _terminated)
    try:
        uvicorn.Server(config).run()
    finally:
        signal.signal(signal.SIGTERM, previous)
        # The stopped pool's queues hold semaphores; release them now, as the command line
        # ends without the interpreter's teardown (lbcheck.entry).
        gc.collect()


def register(app: typer.Typer) -> None:
    """Add the ``serve`` command to ``app``."""
    app.command("serve")(serve)
