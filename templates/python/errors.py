"""Error codes of the API, their categories, and the exceptions a call raises."""

from __future__ import annotations

import enum
from typing import Any


class ErrorCategory(enum.Enum):
    """What kind of failure an error code reports, by code (Kraken's ``errorType`` is unreliable)."""

    AUTHENTICATION = "authentication"
    AUTHORIZATION = "authorization"
    RATE_LIMIT = "rate_limit"
    COMPLEXITY = "complexity"
    TRANSIENT = "transient"
    VALIDATION = "validation"
    OTHER = "other"


# @@CODES@@


def category_of(code: str | None) -> ErrorCategory:
    """The category of ``code``; ``OTHER`` for a code this package does not know."""
    if code is None:
        return ErrorCategory.OTHER
    return CATEGORIES.get(code, ErrorCategory.OTHER)


class TransportError(Exception):
    """The request did not get a GraphQL answer: ``kind`` is ``connect``, ``timeout``, ``http``,
    ``status`` or ``body``."""

    def __init__(self, kind: str, message: str, *, status: int | None = None) -> None:
        super().__init__(message)
        self.kind = kind
        self.status = status


class KrakenError(Exception):
    """An error in Kraken's shape: the first error of the response, and all of them in ``errors``.

    A call raises the subclass of the code's category (:class:`AuthenticationError`, ...), so a
    caller can catch by category or by this class.
    """

    def __init__(
        self,
        message: str,
        code: str | None,
        error_type: str | None,
        errors: list[dict[str, Any]],
        path: list[str | int] | None = None,
    ) -> None:
        super().__init__(f"{code}: {message}" if code else message)
        self.message = message
        self.code = code
        self.error_type = error_type
        self.errors = errors
        self.path = path or []

    @property
    def category(self) -> ErrorCategory:
        """The category of :attr:`code`."""
        return category_of(self.code)

    @property
    def error_code(self) -> KrakenErrorCode | None:
        """:attr:`code` as a :class:`KrakenErrorCode`, ``None`` for a code this package does not know."""
        try:
            return KrakenErrorCode(self.code)
        except ValueError:
            return None

    @classmethod
    def from_response(cls, errors: Any) -> KrakenError:
        """Reads the ``errors`` of a response; never fails, whatever the server sent."""
        items = [e for e in errors if isinstance(e, dict)] if isinstance(errors, list) else []
        first = items[0] if items else {}
        extensions = first.get("extensions")
        ext = extensions if isinstance(extensions, dict) else {}
        code = ext.get("errorCode")
        error_type = ext.get("errorType")
        message = first.get("message")
        path = first.get("path")
        code = code if isinstance(code, str) else None
        kind = _BY_CATEGORY.get(category_of(code), cls) if cls is KrakenError else cls
        return kind(
            message if isinstance(message, str) else "the server answered an error",
            code,
            error_type if isinstance(error_type, str) else None,
            items,
            [p for p in path if isinstance(p, (str, int))] if isinstance(path, list) else None,
        )


class AuthenticationError(KrakenError):
    """No token, or an invalid or expired one; a failed login."""


class AuthorizationError(KrakenError):
    """Authenticated, but without the permission the operation needs."""


class RateLimitError(KrakenError):
    """Refused by a rate limit before it ran."""


class ComplexityError(KrakenError):
    """The query costs more than the API allows."""


class TransientError(KrakenError):
    """A failure that may pass on its own."""


class ValidationError(KrakenError):
    """The input was rejected."""


_BY_CATEGORY: dict[ErrorCategory, type[KrakenError]] = {
    ErrorCategory.AUTHENTICATION: AuthenticationError,
    ErrorCategory.AUTHORIZATION: AuthorizationError,
    ErrorCategory.RATE_LIMIT: RateLimitError,
    ErrorCategory.COMPLEXITY: ComplexityError,
    ErrorCategory.TRANSIENT: TransientError,
    ErrorCategory.VALIDATION: ValidationError,
}


__all__ = [
    "CATEGORIES",
    "MESSAGES",
    "POSSIBLE_ERRORS",
    "AuthenticationError",
    "AuthorizationError",
    "ComplexityError",
    "ErrorCategory",
    "KrakenError",
    "KrakenErrorCode",
    "RateLimitError",
    "TransientError",
    "TransportError",
    "ValidationError",
    "category_of",
]
