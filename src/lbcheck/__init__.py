"""lbcheck checks German tender specifications for sustainability criteria.

``lbcheck.scan(paths, ...) -> Report`` is the Python API (see ``docs/api.md``); it is imported
on first use, so ``import lbcheck`` stays cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from lbcheck.api import scan
    from lbcheck.models import Report

__all__ = ["Report", "__version__", "scan"]


def __getattr__(name: str) -> Any:
    if name == "scan":
        from lbcheck.api import scan

        return scan
    if name == "Report":
        from lbcheck.models import Report

        return Report
    raise AttributeError(f"module 'lbcheck' has no attribute {name!r}")
