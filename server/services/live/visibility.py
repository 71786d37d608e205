"""The page's visibility signals as flag changes: raise, end, resume, or nothing.

A page sends `{"type": "visibility", "hidden": ...}` when the candidate leaves the interview tab and
returns. A real switch is a few a minute; a page altered to flood the channel once stored 886 flags in
8 seconds. The data channel's gate caps the rate; this policy makes repeats free: "hidden" while a flag
is open and "shown" while none is are nothing, and hiding again within `merge_within_s` of returning
resumes the flag just ended instead of storing another. Pure and clock-injected (the media clock).

| signal | state now | last ended | change |
|---|---|---|---|
| hidden | shown | < merge_within_s ago | resume |
| hidden | shown | otherwise | raise |
| hidden | hidden | any | none |
| shown | hidden | any | end |
| shown | shown | any | none |
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Change = Literal["raise", "end", "resume"]


@dataclass
class TabVisibility:
    """Whether the interview tab is hidden, and when it last came back."""

    merge_within_s: float = 1.0
    hidden: bool = False
    shown_at: float | None = None

    def signal(self, hidden: bool, now: float) -> Change | None:
        """The flag change for a visibility signal at `now`, if any."""
        if hidden == self.hidden:
            return None
        self.hidden = hidden
        if not hidden:
            self.shown_at = now
            return "end"
        if self.shown_at is not None and now - self.shown_at < self.merge_within_s:
            return "resume"
        return "raise"
