"""What the asynchronous and the synchronous engines share: the retry policy, the session's tokens
and reading a token's expiry."""

from __future__ import annotations

import base64
import json
import math
import random
import time
from dataclasses import dataclass
from email.utils import parsedate_to_datetime

import httpx

from .errors import ErrorCategory

#: The largest response body read, in bytes.
MAX_RESPONSE_BYTES = 16 * 1024 * 1024


@dataclass(frozen=True)
class RetryPolicy:
    """When a failed call is sent again.

    Queries are retried after a rate limit, a transient error, a lost connection, a timeout or a
    502/503/504; mutations only when they cannot have run (a rate-limit refusal, a connection never
    made). Waits grow exponentially with jitter and honour ``Retry-After``; the whole call stops
    after ``budget`` seconds.
    """

    max_attempts: int = 4
    initial_backoff: float = 0.5
    max_backoff: float = 8.0
    budget: float = 30.0

    @classmethod
    def never(cls) -> RetryPolicy:
        """Every call is sent once."""
        return cls(max_attempts=1)

    def delay(self, attempt: int, retry_after: float | None) -> float:
        """The wait before attempt ``attempt + 1``."""
        if retry_after is not None:
            return min(max(retry_after, 0.0), self.max_backoff)
        base = min(self.initial_backoff * (2**attempt), self.max_backoff)
        return float(base / 2 + random.uniform(0, base / 2))


@dataclass
class Tokens:
    """The session's tokens; their ``repr`` never shows them."""

    token: str
    refresh_token: str | None = None
    expires_at: float | None = None
    #: When the token was obtained (``time.time()``), which bounds the refresh margin of a short life.
    obtained_at: float | None = None

    def __repr__(self) -> str:
        return f"Tokens(token=<redacted>, refresh_token={'<redacted>' if self.refresh_token else None}, expires_at={self.expires_at})"

    def refresh_due(self, margin: float, now: float) -> bool:
        """Whether the token is within ``margin`` of its expiry, or past half its life when that is
        shorter than twice the margin, and there is a refresh token to renew it with."""
        if self.expires_at is None or self.refresh_token is None:
            return False
        if self.obtained_at is not None:
            margin = min(margin, max(self.expires_at - self.obtained_at, 0.0) / 2)
        return now + margin >= self.expires_at


def jwt_expiry(token: str) -> float | None:
    """The ``exp`` claim of a JWT, read without verifying it (the server does that)."""
    parts = token.split(".")
    if len(parts) != 3:
        return None
    try:
        padded = parts[1] + "=" * (-len(parts[1]) % 4)
        claims = json.loads(base64.urlsafe_b64decode(padded))
    except (ValueError, UnicodeDecodeError):
        return None
    exp = claims.get("exp") if isinstance(claims, dict) else None
    return float(exp) if isinstance(exp, (int, float)) else None


def kind_of(document: str) -> str:
    """The kind of a GraphQL document's first operation, as the Rust runtime decides it: ``"query"``
    for ``query ...`` or the ``{ ... }`` shorthand, ``"mutation"`` for ``mutation`` or
    ``subscription``, and ``"mutation"`` too for a document it cannot tell (the cautious answer: a
    mutation is never sent twice). Fragments before the operation are skipped; comments and strings
    are not mistaken for keywords."""
    i, depth, in_fragment, n = 0, 0, False, len(document)
    while i < n:
        c = document[i]
        if c == "#":
            while i < n and document[i] != "\n":
                i += 1
        elif c == '"':
            block = document.startswith('"""', i)
            i += 3 if block else 1
            while i < n:
                if document[i] == "\\":
                    i += 2
                    continue
                if (block and document.startswith('"""', i)) or (not block and document[i] == '"'):
                    i += 2 if block else 0
                    break
                i += 1
        elif c == "{":
            if depth == 0 and not in_fragment:
                return "query"
            depth += 1
        elif c == "}":
            depth = max(depth - 1, 0)
            if depth == 0:
                in_fragment = False
        elif depth == 0 and (c == "_" or (c.isascii() and c.isalpha())):
            start = i
            while i < n and (document[i] == "_" or (document[i].isascii() and document[i].isalnum())):
                i += 1
            word = document[start:i]
            if word == "fragment":
                in_fragment = True
            elif not in_fragment and word == "query":
                return "query"
            elif not in_fragment and word in ("mutation", "subscription"):
                return "mutation"
            continue
        i += 1
    return "mutation"


#: Error categories after which a query is sent again.
RETRY_QUERY = {ErrorCategory.RATE_LIMIT, ErrorCategory.TRANSIENT}
#: HTTP statuses after which a query is sent again.
RETRY_STATUS = {502, 503, 504}


def retry_after_of(response: httpx.Response, now: float | None = None) -> float | None:
    """The wait ``Retry-After`` asks for, as seconds (``120``) or an HTTP date (the time until it,
    0 for a date past); ``None`` when absent or unreadable. At most a day."""
    value = response.headers.get("retry-after")
    if value is None:
        return None
    try:
        seconds = float(value)
    except ValueError:
        try:
            when = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
        if when.tzinfo is None:
            return None
        seconds = max(when.timestamp() - (time.time() if now is None else now), 0.0)
    if math.isnan(seconds) or seconds < 0:
        return None
    return min(seconds, 86400.0)


__all__ = [
    "MAX_RESPONSE_BYTES",
    "RETRY_QUERY",
    "RETRY_STATUS",
    "RetryPolicy",
    "Tokens",
    "jwt_expiry",
    "kind_of",
    "retry_after_of",
]
