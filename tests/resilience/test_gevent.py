"""The SDK in greenlets: gunicorn's gevent workers and Celery's `-P gevent` patch the standard
library before anything else is imported, so the SDK's sockets, locks, sleeps and the thread
that bounds a DNS lookup (transport/network.py) become gevent's. One client serves them all,
as one serves a program's threads."""

from __future__ import annotations

import json
import subprocess
import sys

from projekt_sandbox import ProjektSandbox

# Its own process: the patching must come first, and it changes the whole interpreter.
GREENLETS = """
from gevent import monkey

monkey.patch_all()

import json, sys
import gevent
import projekt

base_url, api_key, org_id, project_id = sys.argv[1:5]
client = projekt.Projekt(api_key=api_key, org_id=org_id, base_url=base_url)
jobs = [
    gevent.spawn(client.issues.create, project_id=project_id, title=f"green {n}")
    for n in range(20)
]
gevent.joinall(jobs, raise_error=True)
try:
    client.with_options(timeout=0.5, max_retries=0).me.get()
    timed_out = False
except projekt.APITimeoutError:
    timed_out = True
client.close()
print(json.dumps({"created": len({job.value.id for job in jobs}), "timed_out": timed_out}))
"""


def test_one_client_serves_twenty_greenlets_under_gevents_patching(
    projekt_sandbox: ProjektSandbox,
) -> None:
    """Twenty greenlets create at once through one client, by the host's name (its lookup in
    a thread of the SDK's, a greenlet here); the create whose answer is lost is sent again
    with its key and acts once; and the deadline still ends a call the server holds."""
    sandbox = projekt_sandbox
    sandbox.lose_next_response(method="POST")
    sandbox.delay_next(5, path="/me")
    base_url = sandbox.base_url.replace("127.0.0.1", "localhost")
    credentials = [sandbox.api_key, sandbox.org_id, sandbox.project_id]
    run = subprocess.run(
        [sys.executable, "-c", GREENLETS, base_url, *credentials],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout) == {"created": 20, "timed_out": True}
    listed = sandbox.client().issues.list(project_id=sandbox.project_id)
    green = sorted(issue.title for issue in listed if issue.title.startswith("green "))
    assert green == sorted(f"green {n}" for n in range(20))
