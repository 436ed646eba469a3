"""One request's walk through the sandbox, in the order it takes.

The caller is identified and counted against the rate limit (unauthenticated
calls count too); a planned failure (the test kit's `fail_next`) is answered
then, before anything is done; the caller is refused while the window is spent,
authenticated, its Idempotency-Key claimed (idempotency.py), its org checked, its
parameters and body read (parameters.py, bodies.py), its role checked, and the
handler called, inside the transaction that remembers the key's answer. A
planned loss (`lose_next_response`) drops the answer after all that, and a planned
delay (`delay_next`) holds it. Every answer, error or not, carries X-Request-Id and
the X-RateLimit-* headers.
"""

from __future__ import annotations

import functools
import logging
from collections import deque
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from projekt_sandbox.openapi import load, open_enums

from .admission import authenticate, org_of
from .binding import API_PREFIX, BoundOperation, Routes, bind
from .bodies import MAX_BODY_BYTES, body_of
from .faults import Faults
from .idempotency import Idempotency, key_of
from .limits import RateLimiter
from .notices import Deprecation, Received, answered, log_request, received
from .operations import ApiError, Context, Result, new_request_id, retry_in
from .parameters import parameters_of, refuse_unknown_query
from .schemas import Schemas
from .serving import LostAnswer
from .spec import spec_path
from .store import Caller, Store, effective_role

__all__ = ["Sandbox"]

logger = logging.getLogger("projekt_sandbox")
MAX_DETAILS = 100  # the spec's maxItems for an error's details
RECEIVED_KEPT = 1000  # the latest requests the test kit can look at


class Sandbox:
    """The sandbox's state (data, rate limits, planned failures) and its request handling."""

    def __init__(
        self,
        store: Store,
        limiter: RateLimiter,
        *,
        max_body_bytes: int = MAX_BODY_BYTES,
        public_url: str | None = None,
    ) -> None:
        self.store, self.limiter, self.max_body_bytes = store, limiter, max_body_bytes
        self.public_url = public_url
        self.idempotency = Idempotency(store)
        self.deprecations: dict[str, Deprecation] = {}  # by operationId
        self.received: deque[Received] = deque(maxlen=RECEIVED_KEPT)
        self.spec_bytes = spec_path().read_bytes()
        self.spec = load(spec_path())  # the published document, served as it is
        implemented = open_enums(self.spec)  # the API accepts values its enums do not list
        self.schemas = Schemas(implemented)
        envelope = "/components/schemas/ErrorBody/properties"
        self.faults = Faults(
            self.schemas.at(f"{envelope}/code").is_valid,
            self.schemas.at(f"{envelope}/message").is_valid,
        )
        self.routes: Routes = bind(implemented, self.schemas)

    def deprecate(self, operation_id: str, deprecation: Deprecation) -> None:
        known = {op.operation_id for ops in self.routes.values() for op in ops.values()}
        if operation_id not in known:
            raise ValueError(f"no operation {operation_id!r} in openapi.yaml")
        self.deprecations[operation_id] = deprecation

    async def handle(self, bound: BoundOperation, request: Request) -> Response:
        arrival = received(request)
        self.received.append(arrival)
        paths = paths_of(request, bound.path)  # what the test kit's plans may name it by
        response = await self._handle(bound, request, paths)
        lost = isinstance(response, LostAnswer)
        self._record_answer(arrival, None if lost else response, request)
        if not lost and (delay := self.faults.delay(request.method, paths)):
            await self.faults.hold(delay)  # acted on and committed: only the answer waits
        deprecation = self.deprecations.get(bound.operation_id)
        if deprecation is not None:
            docs = f"{request.base_url}docs/#/{bound.tag}/{bound.operation_id}"
            deprecation.apply(response, docs)
        log_request(request, response)
        return response

    async def _handle(self, bound: BoundOperation, request: Request, paths: set[str]) -> Response:
        request_id, rate_headers = new_request_id(), dict[str, str]()
        try:
            caller, rate_headers = self.admit(request, paths)
            if caller is None:
                raise ApiError(401, "unauthorized", "The token is missing, invalid or revoked.")
            key = key_of(request.headers) if bound.idempotent else None
            if key is None:
                result = bound.handler(await self.context(request, bound, caller))
            else:
                with self.idempotency.claim(caller, key):
                    ctx = await self.context(request, bound, caller)
                    act = functools.partial(bound.handler, ctx)
                    result = self.idempotency.run(ctx, bound.operation_id, key, act)
        except ApiError as error:
            return self.respond(error, rate_headers, request_id)
        except Exception:
            logger.exception("unhandled error in %s %s", request.method, request.url.path)
            failure = ApiError(500, "internal_error", "Something went wrong. Quote the request id.")
            return self.respond(failure, rate_headers, request_id)
        if self.faults.lose(request.method, paths):
            return LostAnswer()
        return self.answer(result, {**rate_headers, **result.headers, "X-Request-Id": request_id})

    async def refuse(self, request: Request, error: ApiError) -> Response:
        """An error Starlette found (no such path, no such method), answered like any other."""
        arrival = received(request)
        self.received.append(arrival)
        request_id, rate_headers = new_request_id(), dict[str, str]()
        try:
            _, rate_headers = self.admit(request, paths_of(request))
        except ApiError as first:
            error = first
        response = self.respond(error, rate_headers, request_id)
        self._record_answer(arrival, response, request)
        return response

    def _record_answer(
        self, arrival: Received, response: Response | None, request: Request
    ) -> None:
        """Completes the record of `arrival` with its body and its answer (None: lost), where
        it arrived: a request answered after a later one (its answer held, say) stays before
        it. A record already cleared (the test ended) is left so."""
        body = getattr(request.state, "json_body", None)  # set once bodies.py read it
        for at in range(len(self.received) - 1, -1, -1):
            if self.received[at] is arrival:
                self.received[at] = answered(arrival, response, body)
                return

    def admit(self, request: Request, paths: set[str]) -> tuple[Caller | None, dict[str, str]]:
        """Who is calling, and their rate-limit headers; raises a planned failure or a 429.

        A planned failure is counted and carries the rate-limit headers, as any answer of
        a real server does; it is answered before the sandbox acts on the request.
        """
        caller = authenticate(self.store, request)
        client = request.client.host if request.client else ""
        headers = self.limiter.hit(caller.key_id if caller else f"anon:{client}")
        planned = self.faults.take(request.method, paths)
        if planned is not None:
            planned.headers = {**headers, **planned.headers}
            raise planned
        if "Retry-After" in headers:
            raise ApiError(
                429,
                "rate_limited",
                f"Too many requests. {retry_in(headers['Retry-After'])}",
                headers=headers,
            )
        return caller, headers

    async def context(self, request: Request, bound: BoundOperation, caller: Caller) -> Context:
        refuse_unknown_query(request, bound)
        org_id = ""
        if bound.org_scoped:
            org_id = org_of(request, caller, self.schemas)
        path, query = parameters_of(request, bound)
        body = await body_of(request, bound, self.max_body_bytes) if bound.body_model else None
        role = effective_role(caller.role)
        if role not in bound.roles:
            message = f"The {caller.role} role may not call {bound.operation_id}."
            raise ApiError(403, "forbidden", message)
        return Context(
            self.store, request, caller, path, query, body, org_id, public_url=self.public_url
        )

    @staticmethod
    def answer(result: Result, headers: dict[str, str]) -> Response:
        if result.status == 204:
            return Response(status_code=204, headers=headers)
        return JSONResponse(result.body, status_code=result.status, headers=headers)

    @staticmethod
    def respond(error: ApiError, rate_headers: dict[str, str], request_id: str) -> Response:
        body: dict[str, Any] = {"code": error.code, "message": error.message}
        body["request_id"] = request_id
        if error.details:
            body["details"] = error.details[:MAX_DETAILS]
        headers = {**rate_headers, **error.headers, "X-Request-Id": request_id}
        if error.status == 401:
            headers["WWW-Authenticate"] = 'Bearer realm="projekt"'  # RFC 9110, 11.6.1
        return JSONResponse({"error": body}, status_code=error.status, headers=headers)


def paths_of(request: Request, template: str = "") -> set[str]:
    """The paths a test kit's plan may name a request by: as sent, without the /api prefix
    (a plan for "/me" meets a client whose base URL ends in /api), and the operation's
    template in the spec ("/issues/{issue_id}")."""
    sent = request.url.path
    under = sent.removeprefix(API_PREFIX) if sent.startswith(API_PREFIX + "/") else sent
    return {sent, under, template} - {""}
