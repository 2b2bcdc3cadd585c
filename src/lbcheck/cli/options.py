"""Options shared by the commands that check documents (scan, audit, annotate): one wording."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

SetsOption = Annotated[str | None, typer.Option(help="nur diese Sets, z. B. 'ilo,buero'")]
DisableOption = Annotated[
    list[str] | None, typer.Option(help="Kriterium/Regel abschalten (Code, Name oder Präfix)")
]
SeverityOption = Annotated[
    list[str] | None, typer.Option(help="Schweregrad ändern, z. B. VR-02=error")
]
CriteriaOption = Annotated[
    list[Path] | None, typer.Option(help="eigene Kriteriendatei (YAML) zusätzlich laden")
]
ConfigOption = Annotated[
    Path | None,
    typer.Option(help="Konfigurationsdatei (sonst ./lbcheck.yaml, falls vorhanden)"),
]
IsolatedOption = Annotated[bool, typer.Option(help="keine Konfigurationsdatei lesen")]
