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
    """An error in Kraken's shape: the first error of the response, and all of them in ``errors``."""

    def __init__(self, message: str, code: str | None, error_type: str | None, errors: list[dict[str, Any]]) -> None:
        super().__init__(f"{code}: {message}" if code else message)
        self.message = message
        self.code = code
        self.error_type = error_type
        self.errors = errors

    @property
    def category(self) -> ErrorCategory:
        """The category of :attr:`code`."""
        return category_of(self.code)

    @property
    def error_code(self) -> ErrorCode | None:
        """:attr:`code` as an :class:`ErrorCode`, ``None`` for a code this package does not know."""
        try:
            return ErrorCode(self.code)
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
        return cls(
            message if isinstance(message, str) else "the server answered an error",
            code if isinstance(code, str) else None,
            error_type if isinstance(error_type, str) else None,
            items,
        )


__all__ = ["CATEGORIES", "ErrorCategory", "ErrorCode", "KrakenError", "TransportError", "category_of"]
