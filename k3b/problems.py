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
        counts: dict[str, int] = {}
        for problem in sorted(self.items):
            counts[problem.path] = counts.get(problem.path, 0) + 1
            if per_file is None or counts[problem.path] <= per_file:
                shown.append(str(problem))
            elif counts[problem.path] == per_file + 1:
                shown.append(problem.path)  # replaced by the count below
        if per_file is not None:
            for index, line in enumerate(shown):
                if line in counts:
                    more = counts[line] - per_file
                    shown[index] = f"{line}: und {more:,} weitere Meldungen in dieser Datei".replace(",", ".")
        return shown
