"""Problems found in staff-written input, reported as ``path:line: message``."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake in one input file, with a German message a staff member can act on."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


@dataclass
class ProblemList:
    """Collects every problem of a build so that all are reported at once."""

    items: list[Problem] = field(default_factory=list)

    def add(self, path: str, line: int, message: str) -> None:
        self.items.append(Problem(path, max(int(line), 1), message))

    def extend(self, problems: list[Problem] | ProblemList) -> None:
        self.items.extend(problems.items if isinstance(problems, ProblemList) else problems)

    def __bool__(self) -> bool:
        return bool(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def lines(self, per_file: int | None = None) -> list[str]:
        """The problems sorted by file and line, one formatted line each.

        With ``per_file``, a file's lines after that many fold into one with their count: a
        50 MB export of duplicates would otherwise print 200,000 lines and hide the rest.
        """
        shown: list[str] = []
        by_file: dict[str, list[Problem]] = {}
        for problem in sorted(self.items):
            by_file.setdefault(problem.path, []).append(problem)
        for path, problems in by_file.items():
            kept = problems if per_file is None else problems[:per_file]
            shown += [str(p) for p in kept]
            if len(problems) > len(kept):
                shown.append(f"{path}: und {german_number(len(problems) - len(kept))} weitere Meldungen in "
                             "dieser Datei")
        return shown


def german_number(value: int) -> str:
    """German digit grouping: 20.000."""
    return f"{value:,}".replace(",", ".")
