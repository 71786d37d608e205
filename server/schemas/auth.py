"""Staff login and who is logged in."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class LoginIn(BaseModel):
    """Staff login."""

    email: str = Field(min_length=3, max_length=254)
    password: str = Field(min_length=1, max_length=200)
    next: str | None = Field(default=None, max_length=2000)  # the page the login page was sent from


class UserOut(BaseModel):
    """A staff member as the API shows them."""

    model_config = ConfigDict(from_attributes=True)

    id: str
    email: str
    name: str
    role: str


class LoginOut(UserOut):
    """The logged-in staff member, and the path the login page goes to (only ever one on this site)."""

    next: str


class SessionsRevoked(BaseModel):
    """How many open sessions an admin ended."""

    email: str
    revoked: int


class SignOnOut(BaseModel):
    """Whether the login page offers single sign-on, and the button's label."""

    enabled: bool
    label: str
