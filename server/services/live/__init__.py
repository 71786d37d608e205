"""A live interview in parts.

The conductor (speech to agent, shared with replay), the speaker (voice, barge-in), the store (writes and
console events), and the interview that wires them to a call and the consoles' controls.
"""

from server.services.live.interview import Call, LiveInterview
from server.services.live.store import LiveStore, channel, control_channel

__all__ = ["Call", "LiveInterview", "LiveStore", "channel", "control_channel"]
