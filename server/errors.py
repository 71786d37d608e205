"""Domain errors and their single mapping to HTTP responses."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from realtime.errors import InvalidOfferError, ModelNotFoundError, NoAudioTrackError
from scoring.yamlsource import SourceError


class DomainError(Exception):
    """An error a person can act on; `status` is the HTTP status it maps to."""

    status = 400

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    @property
    def headers(self) -> dict[str, str] | None:
        """Response headers the status calls for (most need none)."""
        return None


class NotFound(DomainError):
    """The thing does not exist, or the caller may not know that it does."""

    status = 404


class InviteInvalid(DomainError):
    """The invite token is forged, truncated, or revoked."""

    status = 401


class InviteExpired(DomainError):
    """The invite token is older than its lifetime."""

    status = 401


class Conflict(DomainError):
    """The request clashes with the interview's state."""

    status = 409


class ConsentRequired(DomainError):
    """Media may not start before the candidate consents."""

    status = 403


class Busy(DomainError):
    """The server is at its limit of live interviews."""

    status = 503


class Unauthorized(DomainError):
    """Login needed or failed."""

    status = 401


class Unprocessable(DomainError):
    """Well-formed, but the content cannot be accepted as it is."""

    status = 422


class TooManyAttempts(DomainError):
    """Too many failed tries in a short time; the caller must wait."""

    status = 429


class TooLarge(DomainError):
    """An upload over its size limit."""

    status = 413


class UnsupportedType(DomainError):
    """An upload whose content (sniffed, not its declared type) is not a kind this address takes."""

    status = 415


class Forbidden(DomainError):
    """Logged in, but the role does not allow this."""

    status = 403


class RangeNotSatisfiable(DomainError):
    """A byte range outside the file; the response says how long the file is."""

    status = 416

    def __init__(self, message: str, size: int) -> None:
        super().__init__(message)
        self.size = size

    @property
    def headers(self) -> dict[str, str] | None:
        """`Content-Range: bytes */size`, as RFC 9110 asks of a 416."""
        return {"Content-Range": f"bytes */{self.size}"}


class Corrupt(DomainError):
    """Stored data failed its integrity check (changed or damaged on disk): it is not served."""

    status = 500


def install_error_handlers(app: FastAPI) -> None:
    """Map domain and media errors to JSON `{"detail": message}` responses."""

    async def domain(_request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, DomainError)
        return JSONResponse({"detail": exc.message}, status_code=exc.status, headers=exc.headers)

    async def bad_offer(_request: Request, exc: Exception) -> JSONResponse:
        status = 422 if isinstance(exc, NoAudioTrackError) else 400
        return JSONResponse({"detail": str(exc)}, status_code=status)

    async def model_missing(_request: Request, exc: Exception) -> JSONResponse:
        return JSONResponse({"detail": f"speech models unavailable: {exc}"}, status_code=503)

    async def invalid_request(_request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, RequestValidationError)
        problems = [
            f"{'.'.join(str(p) for p in err['loc'] if p != 'body')}: {err['msg']}" for err in exc.errors()
        ]
        return JSONResponse({"detail": "invalid request: " + "; ".join(problems)}, status_code=422)

    async def bad_source(_request: Request, exc: Exception) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=422)

    app.add_exception_handler(SourceError, bad_source)
    app.add_exception_handler(DomainError, domain)
    app.add_exception_handler(RequestValidationError, invalid_request)
    app.add_exception_handler(InvalidOfferError, bad_offer)
    app.add_exception_handler(ModelNotFoundError, model_missing)
