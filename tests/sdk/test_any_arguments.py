"""Any arguments to any method end in a result or one of the SDK's exceptions.

Hypothesis calls every method of every namespace with what it draws for each parameter:
any str (lone surrogates, controls and astral characters among them), numbers, None, lists
and dicts. The only other exception allowed is the TypeError Python code raises for a call
that does not fit its signature: a required argument missing, or `body=` of another type.
"""

from __future__ import annotations

import inspect
from typing import Any

import httpx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import projekt
from tests.helpers import ClientFactory, Recorder, issue_json

NAMESPACES = ("issues", "comments", "projects", "api_keys", "me")
SIGNATURE_ERRORS = ("missing required argument", "body= must be")
texts = st.text(
    st.characters(codec=None, exclude_categories=[]) | st.sampled_from("\ud800\x00\r\n/.?#%"),
    max_size=12,
)
values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | texts,
    lambda inner: st.lists(inner, max_size=2) | st.dictionaries(texts, inner, max_size=2),
    max_leaves=4,
)


def methods(client: Any) -> list[tuple[str, Any, inspect.Signature]]:
    """(name, the method, its signature) for each method of each namespace; through an
    async client's SyncView, the signature is the coroutine function's."""
    found = []
    for namespace in NAMESPACES:
        resource = getattr(client, namespace)
        target = getattr(resource, "_target", resource)
        for name in dir(target):
            if not name.startswith("_") and name != "with_raw_response":
                method = getattr(resource, name)
                found.append(
                    (f"{namespace}.{name}", method, inspect.signature(getattr(target, name)))
                )
    return found


def answer(request: httpx.Request) -> httpx.Response:
    return httpx.Response(204 if request.method == "DELETE" else 200, json=issue_json())


@settings(
    max_examples=400, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None
)
@given(data=st.data())
def test_any_arguments_give_a_result_or_a_typed_error(
    client_for: ClientFactory, data: st.DataObject
) -> None:
    client = client_for(Recorder(answer), max_retries=0)
    name, method, signature = data.draw(st.sampled_from(methods(client)), label="method")
    arguments: dict[str, Any] = {}
    for parameter in signature.parameters.values():
        # Python's own signature check needs no test: what a signature requires is drawn.
        required = parameter.default is parameter.empty
        if parameter.kind is not parameter.VAR_KEYWORD and (required or data.draw(st.booleans())):
            arguments[parameter.name] = data.draw(values, label=parameter.name)
    try:
        result = method(**arguments)
        if name.endswith(".list"):
            list(result)
    except projekt.ProjektError:
        pass
    except TypeError as error:
        if not str(error).startswith(tuple(f"{name}() {what}" for what in SIGNATURE_ERRORS)):
            raise


def test_the_namespaces_called_above_are_all_the_clients() -> None:
    """A namespace the spec gains must be called above too."""
    with projekt.Projekt(api_key="pjk_live_" + "a" * 32) as client:
        found = {
            name
            for name in dir(client)
            if type(getattr(client, name)).__module__ == "projekt._resources"
        }
    assert found == set(NAMESPACES)
