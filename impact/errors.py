"""Errors a user can cause, reported in Dutch without a traceback.

Every problem names where it was found (file, row, column) and what was expected,
so a quality manager can fix an Excel file without reading Python.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the user's input.

    ``row`` is the row number as the user sees it in Excel or a text editor
    (header = row 1, first data row = row 2); for YAML files it is the line number.
    """

    file: str
    row: int | None
    column: str | None
    expected: str
    found: object = None

    def __str__(self) -> str:
        place = self.file
        if self.row is not None:
            place += f":{self.row}"
        if self.column:
            place += f":{self.column}"
        message = f"{place}: {self.expected}"
        if self.found is not None:
            message += f", er stond: {self.found!r}"
        return message


class UserInputError(Exception):
    """Input that cannot be used as it is; carries every problem found, not only the first."""

    def __init__(self, problems: list[Problem] | Problem | str):
        if isinstance(problems, str):
            problems = [Problem(file="invoer", row=None, column=None, expected=problems)]
        elif isinstance(problems, Problem):
            problems = [problems]
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    def __reduce__(self):
        # back from a worker process (impact.parallel) with its problems, not only the text
        return (type(self), (self.problems,))
