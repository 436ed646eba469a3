"""A client used before a fork (gunicorn's --preload, Celery's prefork pool,
multiprocessing), then by the parent and the child alike: each process gets its own
answers, as if the other did not exist."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.helpers import Sandbox

# Its own process, so that the fork copies nothing of pytest's (its threads, its sandbox);
# configured from the environment, as such a parent's client usually is.
FORKED = """
import asyncio, json, os, sys
import projekt
project, flavor = sys.argv[1:3]
client = (projekt.AsyncProjekt if flavor == "async" else projekt.Projekt)(
    max_retries=0, timeout=5.0
)
loop = asyncio.new_event_loop()

def call(method, *args, **kwargs):
    result = method(*args, **kwargs)
    return loop.run_until_complete(result) if flavor == "async" else result

# Used before the fork, so the parent's pool holds a keep-alive connection.
mine = {
    who: call(client.issues.create, project_id=project, title=who) for who in ("parent", "child")
}
read, write = os.pipe()
child = os.fork() == 0
if child:
    loop = asyncio.new_event_loop()  # the parent's loop is not the child's
me = "child" if child else "parent"
seen = {"wrong": 0, "failed": []}
for _ in range(50):
    try:
        seen["wrong"] += call(client.issues.get, mine[me].id).title != me
    except projekt.ProjektError as error:
        seen["failed"].append(str(error))
call(client.close)
loop.close()
if child:
    os.write(write, json.dumps(seen).encode())
    os._exit(0)
os.waitpid(-1, 0)
print(json.dumps({"parent": seen, "child": json.loads(os.read(read, 1 << 20))}))
"""


@pytest.mark.parametrize("flavor", ["sync", "async"])
def test_parent_and_child_each_read_their_own_answers(fault_sandbox: Sandbox, flavor: str) -> None:
    owner = fault_sandbox.owner
    environment = {
        **os.environ,
        "PROJEKT_API_KEY": owner["api_key"],
        "PROJEKT_ORG_ID": owner["org_id"],
        "PROJEKT_BASE_URL": fault_sandbox.url,
    }
    run = subprocess.run(
        [sys.executable, "-X", "dev", "-c", FORKED, owner["project_id"], flavor],
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout) == {
        "parent": {"wrong": 0, "failed": []},
        "child": {"wrong": 0, "failed": []},
    }
    assert "ResourceWarning" not in run.stderr, run.stderr
