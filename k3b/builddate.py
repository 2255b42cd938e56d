"""The build date: what "today" is for upcoming events and scheduled publication.

``K3B_TODAY=2026-12-01`` fixes it, so that tests and a rebuild of an old commit are
deterministic; without it the build uses the machine's date.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping


class BuildDateError(ValueError):
    """``K3B_TODAY`` is set but is not a date; the message is German."""


def build_date(environ: Mapping[str, str] = os.environ) -> dt.date:
    raw = environ.get("K3B_TODAY", "").strip()
    if not raw:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(raw)
    except ValueError:
        raise BuildDateError(f"K3B_TODAY=„{raw}“ ist kein Datum – bitte als JJJJ-MM-TT angeben, "
                             "z. B. K3B_TODAY=2026-12-01") from None
