"""Standard Webhooks signatures and the retry schedule."""

from __future__ import annotations

import random

import pytest

from ehr_sync.schedule import SCHEDULE_S, next_delay
from ehr_sync.signing import SignatureError, headers, new_secret, sign, verify


def test_signature_known_answer() -> None:
    # The example from the Standard Webhooks specification.
    secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
    body = b'{"test": 2432232314}'
    assert (
        sign(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, body)
        == "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="
    )


def test_rotation_signs_with_both_secrets_and_either_verifies() -> None:
    old, new = new_secret(), new_secret()
    h = headers([old, new], "msg_1", b"{}", timestamp=1000)
    assert len(h["webhook-signature"].split()) == 2
    for s in (old, new):
        verify(s, "msg_1", h["webhook-timestamp"], b"{}", h["webhook-signature"], now=1000)
    with pytest.raises(SignatureError, match="no matching"):
        verify(new_secret(), "msg_1", "1000", b"{}", h["webhook-signature"], now=1000)
    with pytest.raises(SignatureError, match="no matching"):
        verify(old, "msg_1", "1000", b'{"x":1}', h["webhook-signature"], now=1000)
    with pytest.raises(SignatureError, match="tolerance"):
        verify(old, "msg_1", "1000", b"{}", h["webhook-signature"], now=5000)


def test_schedule_jitter_retry_after_and_dead_letter() -> None:
    assert SCHEDULE_S == (0, 5, 300, 1800, 7200, 18000, 36000, 50400, 72000, 86400)
    rng = random.Random(1)
    for attempt, base in enumerate(SCHEDULE_S):
        delay = next_delay(attempt, rng=rng)
        assert delay is not None and base * 0.9 <= delay <= base * 1.1
    assert next_delay(1, retry_after_s=120, rng=rng) == 120  # the receiver asked for longer
    assert next_delay(len(SCHEDULE_S)) is None
