"""A typed HTML value: text that was escaped, or markup the site wrote itself.

Everything from a .bib file, front matter or a data file is untrusted. Code that puts such a
value into a page takes ``Html``: the only ways to make one are ``escape_html`` (untrusted
text) and ``Html.trusted`` (markup our own code composed from ``Html`` parts and literals).
A plain ``str`` handed over where ``Html`` is expected fails at once (``require_html``)
instead of reaching a page unescaped. ``Html`` is a ``str``: formatting and joining behave as
for any text, so the check sits where values enter a renderer, not on every operation.
"""

from __future__ import annotations

from collections.abc import Mapping
from html import escape


class Html(str):
    """HTML that is safe to insert as it is."""

    __slots__ = ()

    @classmethod
    def trusted(cls, markup: str) -> Html:
        """Markup our own code wrote; never text that came from staff or a file."""
        return cls(markup)


def escape_html(text: str) -> Html:
    """``text`` with ``& < > " '`` escaped, as an ``Html`` value."""
    return text if isinstance(text, Html) else Html(escape(text, quote=True))


def require_html(values: Mapping[str, str], where: str) -> None:
    """Fail (a programming error, not a staff mistake) if a value is not ``Html``."""
    for name, value in values.items():
        if not isinstance(value, Html):
            raise TypeError(f"{where}: „{name}“ is {type(value).__name__}, not Html: escape it first")
