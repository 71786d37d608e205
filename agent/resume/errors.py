"""The one error a resume raises, with a message a person can act on."""

from __future__ import annotations


class ResumeError(ValueError):
    """The file cannot be read as a resume (type, no text layer, damaged); `code` names the case."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
