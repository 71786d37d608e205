"""Masking of names and ID numbers in published results (公示), as public-sector notices print them.

`张三丰` -> `张**`; `John Smith` -> `J*** *****`; ID `110101199003071234` -> `**************1234`.
Full ID numbers are never an option: no admin choice publishes one.
"""

from __future__ import annotations


def mask_name(name: str, mode: str) -> str:
    """Keep the first character (the surname in Chinese), star the rest; `none` prints it whole."""
    text = name.strip()
    if mode == "none" or not text:
        return text
    return text[0] + "".join(" " if ch.isspace() else "*" for ch in text[1:])


def mask_id(number: str | None, mode: str) -> str:
    """Only the last four characters (`last4`), or nothing at all (`hidden`)."""
    text = (number or "").strip()
    if mode == "hidden" or not text:
        return ""
    return "*" * max(len(text) - 4, 0) + text[-4:]
