"""Resumes: files to text lines, lines to a structured profile, a profile to personalised questions.

Pure: no I/O besides the bytes handed in, no clock (today is an argument), nothing from `server`.
"""

from agent.resume.errors import ResumeError
from agent.resume.parse import parse_resume
from agent.resume.profile import Profile

__all__ = ["Profile", "ResumeError", "parse_resume"]
