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

    def lines(self) -> list[str]:
        """The problems sorted by file and line, one formatted line each."""
        return [str(p) for p in sorted(self.items)]
