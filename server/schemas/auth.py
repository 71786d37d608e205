"""Staff login and who is logged in."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class LoginIn(BaseModel):
    """Staff login."""

    email: str = Field(min_length=3, max_length=254)
    password: str = Field(min_length=1, max_length=200)


class UserOut(BaseModel):
    """A staff member as the API shows them."""

    model_config = ConfigDict(from_attributes=True)

    id: str
    email: str
    name: str
    role: str
