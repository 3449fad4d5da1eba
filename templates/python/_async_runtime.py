"""The client runtime krakengen embeds in every generated package: the engine that sends a request,
keeps the session's token fresh and retries by error class.

This file is the asynchronous original; ``_sync_runtime.py`` is derived from it by krakengen (the
``async``/``await`` words removed, ``httpx.AsyncClient`` for ``httpx.Client``), so both behave alike.
"""

from __future__ import annotations

import asyncio
import json
import time
from typing import Any

import httpx

from ._runtime import MAX_RESPONSE_BYTES, RETRY_QUERY, RETRY_STATUS, RetryPolicy, Tokens, jwt_expiry, retry_after_of
from .errors import ErrorCategory, KrakenError, TransportError


class AsyncEngine:
    """Sends operations for a generated ``AsyncClient``."""

    def __init__(
        self,
        endpoint: str,
        *,
        headers: dict[str, str] | None,
        http: httpx.AsyncClient | None,
        timeout: float,
        retry: RetryPolicy,
        token_mutation: tuple[str, str, str] | None,
        refresh_margin: float = 300.0,
    ) -> None:
        self.endpoint = endpoint
        self.headers = dict(headers or {})
        self._own_http = http is None
        self.http = http if http is not None else httpx.AsyncClient(timeout=httpx.Timeout(timeout, connect=10.0))
        self.retry = retry
        self.tokens: Tokens | None = None
        self._token_mutation = token_mutation
        self._refresh_margin = refresh_margin
        self._lock = asyncio.Lock()
        self._generation = 0

    def __repr__(self) -> str:
        return f"AsyncEngine(endpoint={self.endpoint!r}, tokens={self.tokens!r})"

    async def close(self) -> None:
        """Closes the HTTP client if the engine made it."""
        if self._own_http:
            await self.http.aclose()

    async def _post(self, body: dict[str, Any], token: str | None) -> tuple[dict[str, Any], float | None, int]:
        headers = {"Content-Type": "application/json", **self.headers}
        if token is not None:
            headers["Authorization"] = token
        try:
            async with self.http.stream("POST", self.endpoint, json=body, headers=headers) as response:
                chunks: list[bytes] = []
                size = 0
                async for chunk in response.aiter_bytes():
                    size += len(chunk)
                    if size > MAX_RESPONSE_BYTES:
                        raise TransportError("body", f"the response is over {MAX_RESPONSE_BYTES} bytes")
                    chunks.append(chunk)
                status, retry_after = response.status_code, retry_after_of(response)
        except httpx.ConnectError as e:
            raise TransportError("connect", str(e)) from None
        except httpx.TimeoutException as e:
            raise TransportError("timeout", str(e)) from None
        except httpx.HTTPError as e:
            raise TransportError("http", str(e)) from None
        try:
            decoded = json.loads(b"".join(chunks))
        except ValueError:
            raise TransportError("status" if status >= 400 else "body", f"HTTP {status}: not a JSON body") from None
        if not isinstance(decoded, dict):
            raise TransportError("body", "the response is not a JSON object")
        return decoded, retry_after, status

    async def _fresh_token(self) -> str | None:
        tokens = self.tokens
        if tokens is None:
            return None
        if tokens.refresh_due(self._refresh_margin, time.time()):
            await self._refresh(self._generation)
        return self.tokens.token if self.tokens is not None else None

    async def _refresh(self, seen: int) -> None:
        """Renews the token once, however many calls ask at the same time."""
        async with self._lock:
            if (
                self._generation != seen
                or self.tokens is None
                or self.tokens.refresh_token is None
                or self._token_mutation is None
            ):
                return
            name, document, field = self._token_mutation
            body = {
                "operationName": name,
                "query": document,
                "variables": {"input": {"refreshToken": self.tokens.refresh_token}},
            }
            decoded, _, _ = await self._post(body, None)
            self._store(decoded, field)
            self._generation += 1

    def _store(self, decoded: dict[str, Any], field: str) -> dict[str, Any]:
        errors = decoded.get("errors")
        if errors:
            raise KrakenError.from_response(errors)
        payload = (decoded.get("data") or {}).get(field)
        if not isinstance(payload, dict) or not isinstance(payload.get("token"), str):
            raise TransportError("body", "the token mutation returned no token")
        token = payload["token"]
        refresh = payload.get("refreshToken")
        self.tokens = Tokens(
            token=token,
            refresh_token=refresh if isinstance(refresh, str) else None,
            expires_at=jwt_expiry(token),
            obtained_at=time.time(),
        )
        return payload

    async def authenticate(self, name: str, document: str, field: str, variables: dict[str, Any]) -> dict[str, Any]:
        """Logs in: sends the token mutation once (a failed login is never repeated) and keeps the tokens."""
        body = {"operationName": name, "query": document, "variables": variables}
        decoded, _, _ = await self._post(body, None)
        async with self._lock:
            payload = self._store(decoded, field)
            self._generation += 1
        return payload

    async def execute(self, name: str, document: str, variables: dict[str, Any], kind: str) -> dict[str, Any]:
        """Sends one operation and returns its ``data``, retrying as the policy allows."""
        started = time.monotonic()
        refreshed = False
        attempt = 0
        while True:
            generation = self._generation
            token = await self._fresh_token()
            body = {"operationName": name, "query": document, "variables": variables}
            retry_after: float | None = None
            try:
                decoded, retry_after, status = await self._post(body, token)
                errors = decoded.get("errors")
                if errors:
                    raise KrakenError.from_response(errors)
                if status >= 400:
                    raise TransportError("status", f"HTTP {status}", status=status)
                data = decoded.get("data")
                if not isinstance(data, dict):
                    raise TransportError("body", "the response has no data")
                return data
            except KrakenError as e:
                if (
                    e.code == "KT-CT-1124"
                    and not refreshed
                    and self.tokens is not None
                    and self.tokens.refresh_token is not None
                ):
                    refreshed = True
                    await self._refresh(generation)
                    continue
                if not self._retryable_error(e, kind):
                    raise
                failure: Exception = e
            except TransportError as e:
                if not self._retryable_transport(e, kind):
                    raise
                failure = e
            attempt += 1
            wait = self.retry.delay(attempt - 1, retry_after)
            if attempt >= self.retry.max_attempts or time.monotonic() - started + wait > self.retry.budget:
                raise failure
            await asyncio.sleep(wait)

    @staticmethod
    def _retryable_error(e: KrakenError, kind: str) -> bool:
        if e.category == ErrorCategory.RATE_LIMIT:
            return True
        return kind == "query" and e.category in RETRY_QUERY

    @staticmethod
    def _retryable_transport(e: TransportError, kind: str) -> bool:
        if e.kind == "connect":
            return True
        if kind != "query":
            return False
        return e.kind == "timeout" or (e.kind == "status" and e.status in RETRY_STATUS)


__all__ = ["AsyncEngine"]
