"""``lbcheck serve``: the local web app (registered on the app; needs the ``web`` extra)."""

from __future__ import annotations

import ipaddress
import sys
from typing import Annotated

import typer

from lbcheck.errors import UsageError


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


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
) -> None:
    """Startet die lokale Web-Oberfläche: Dateien hochladen, Bericht lesen, kommentierte Kopie
    und JSON herunterladen. Dazu POST /api/scan (Feld 'files') für andere Werkzeuge."""
    if not is_loopback(host) and not allow_remote:
        raise UsageError(
            f"--host {host} ist von anderen Rechnern erreichbar. lbcheck serve hat keine "
            "Anmeldung; nur mit --allow-remote und hinter einem Zugangsschutz betreiben."
        )
    for name, value in (("--jobs", jobs), ("--max-files", max_files)):
        if value < 1:
            raise UsageError(f"{name} muss mindestens 1 sein.")
    for name, size in (("--max-file-mb", max_file_mb), ("--max-total-mb", max_total_mb)):
        if not 0 < size < 10_000:
            raise UsageError(f"{name} muss eine Zahl zwischen 0 und 10000 sein.")
    try:
        import uvicorn

        from lbcheck.web.app import create_app
        from lbcheck.web.limits import Limits
    except ImportError as exc:
        raise UsageError(
            "Die Web-Oberfläche braucht Zusatzpakete: pip install 'lbcheck[web]'"
        ) from exc
    if not is_loopback(host):
        sys.stderr.write(
            f"Warnung: lbcheck serve ist unter {host}:{port} für andere Rechner erreichbar, "
            "ohne Anmeldung.\n"
        )
    limits = Limits(max_files, max_file_mb, max_total_mb, jobs)
    sys.stderr.write(f"lbcheck: Web-Oberfläche unter http://{host}:{port}/ (Ende mit Strg+C)\n")
    uvicorn.run(create_app(limits), host=host, port=port, log_level="warning")


def register(app: typer.Typer) -> None:
    """Add the ``serve`` command to ``app``."""
    app.command("serve")(serve)
