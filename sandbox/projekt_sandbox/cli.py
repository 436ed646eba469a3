"""projekt-sandbox: serve the Projekt API locally, seed demo data, mint keys.

projekt-sandbox serve --host 127.0.0.1 --port 8787 --db PATH [--seed] [--rate-limit N/SECONDS]
                      [--docs DIR]
                      [--max-body-bytes N] [--idle-timeout SECONDS] [--request-timeout SECONDS]
                      [--public-url URL] [--deprecate OPERATION_ID[:SUNSET]]... [--log-requests]
projekt-sandbox seed --db PATH
projekt-sandbox mint-key --db PATH --email EMAIL --org SLUG
"""

from __future__ import annotations

import argparse
import ipaddress
import json
import logging
import os
import shlex
import signal
import sqlite3
import sys

from ._version import __version__
from .bodies import MAX_BODY_BYTES
from .limits import DEFAULT_RATE_LIMIT
from .options import deprecation, directory, origin, port, positive_int, rate_limit, seconds
from .seed import mint, seed
from .store import Store


def serve_forever(args: argparse.Namespace) -> None:
    """Serves until SIGINT or SIGTERM, then finishes in-flight requests and exits 0.

    Only uvicorn's public API: the server runs in a thread (where uvicorn installs no
    signal handlers) on a socket bound here, and this thread turns a signal into
    `should_exit`, rather than overriding the server's own signal handling.
    """
    import threading

    import uvicorn

    from .app import create_app
    from .serving import bounded_h11, listening_socket

    if args.log_requests:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("projekt-sandbox: %(message)s"))
        logger = logging.getLogger("projekt_sandbox")
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
    credentials = seeded(args.db) if args.seed else None
    app = create_app(
        args.db,
        rate_limit=args.rate_limit,
        docs=args.docs,
        max_body_bytes=args.max_body_bytes,
        public_url=args.public_url,
        deprecations=dict(args.deprecate),
    )
    config = uvicorn.Config(
        app,
        log_level="warning",
        timeout_keep_alive=args.idle_timeout,
        http=bounded_h11(args.request_timeout),
        # As uvicorn decides it, for a stdout that was closed (`>&-`) too.
        use_colors=bool(sys.stdout and sys.stdout.isatty()),
    )
    try:
        listener = listening_socket(args.host, args.port)
    except OSError as exc:
        sys.exit(f"projekt-sandbox: cannot listen on {args.host}:{args.port}: {exc.strerror}")
    server = uvicorn.Server(config)
    for stop in (signal.SIGINT, signal.SIGTERM):
        signal.signal(stop, lambda *_: setattr(server, "should_exit", True))
    serving = threading.Thread(target=server.run, kwargs={"sockets": [listener]})
    serving.start()
    while serving.is_alive() and not server.started:
        serving.join(0.01)
    problem = None
    if server.started:
        host, port = listener.getsockname()[:2]
        url = local_url(host, port)
        shared = not ipaddress.ip_address(host).is_loopback
        print(welcome(url, args.db, port if shared else None), file=sys.stderr, flush=True)
        if credentials is not None and (problem := write_credentials(exports(credentials, url))):
            server.should_exit = True  # serving on under a key nobody was told helps no one
    while serving.is_alive():
        serving.join(0.5)
    if problem or not server.started:
        sys.exit(f"projekt-sandbox: {problem or 'the server did not start'}")


def seeded(db: str) -> dict[str, str]:
    """The demo data seeded into `db`, and the credentials of its owner."""
    store = Store(db)
    try:
        seed(store)
        return mint(store, "you@example.com", "acme", name="seed")
    finally:
        store.close()


def local_url(host: str, port: int) -> str:
    """The URL this machine reaches the server at. Listening on every address (0.0.0.0, or
    :: for IPv6), it is loopback's: the SDK sends a token over plain http to loopback
    without being told of the host, and browsers refuse 0.0.0.0."""
    if ipaddress.ip_address(host).is_unspecified:
        host = "::1" if ":" in host else "127.0.0.1"
    return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"


def exports(credentials: dict[str, str], url: str) -> str:
    """The shell lines that point the SDK and the CLI at this server, on stdout: `eval`-able."""
    return "\n".join(
        f"export {name}={shlex.quote(value)}"
        for name, value in (
            ("PROJEKT_API_KEY", credentials["api_key"]),
            ("PROJEKT_ORG_ID", credentials["org_id"]),
            ("PROJEKT_BASE_URL", url),
        )
    )


def welcome(url: str, db: str, shared_port: int | None = None) -> str:
    """What `serve` prints once it listens: where, the docs, and how to get credentials; and,
    listening beyond loopback (`shared_port`), how another container or machine calls it."""
    elsewhere = ""
    if shared_port is not None:
        elsewhere = (
            "  from another container or machine that calls this one sandbox:\n"
            f"    PROJEKT_BASE_URL=http://sandbox:{shared_port} PROJEKT_PLAIN_HTTP_HOSTS=sandbox\n"
        )
    return (
        f"Projekt sandbox on {url} (also under {url}/api), database {db}\n"
        f"  spec: {url}/openapi.yaml and {url}/openapi.json\n"
        f"  docs and try-it console: {url}/docs/\n"
        f"  credentials: projekt-sandbox seed --db {db}  prints api_key, org_id, project_id;\n"
        f"  set PROJEKT_API_KEY=<api_key> PROJEKT_ORG_ID=<org_id> PROJEKT_BASE_URL={url}\n"
        f"{elsewhere}"
        "  stop with Ctrl-C"
    )


# Not the docstring's first line: `python -OO` (PYTHONOPTIMIZE=2) strips docstrings.
DESCRIPTION = "projekt-sandbox: serve the Projekt API locally, seed demo data, mint keys."


def parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="projekt-sandbox", description=DESCRIPTION)
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    serve = commands.add_parser("serve", help="run the API server")
    serve_arguments(serve)
    serving_limits(serve)
    seed_cmd = commands.add_parser("seed", help="create the demo data and mint an owner key")
    seed_cmd.add_argument("--db", required=True, help="SQLite file; created when missing")
    mint_cmd = commands.add_parser("mint-key", help="mint a key for a membership")
    mint_cmd.add_argument("--db", required=True, help="a database `seed` or `serve` made")
    mint_cmd.add_argument("--email", required=True, help="the member's email address")
    mint_cmd.add_argument("--org", required=True, help="the organization's slug")
    return parser


def serve_arguments(serve: argparse.ArgumentParser) -> None:
    """`serve`'s options for where it listens, what it serves and with which data."""
    serve.add_argument(
        "--host", default="127.0.0.1", help="the address to listen on (default: %(default)s)"
    )
    serve.add_argument(
        "--port", type=port, default=8787, help="the port to listen on (default: %(default)s)"
    )
    serve.add_argument(
        "--db",
        required=True,
        metavar="PATH",
        help="SQLite file; created when missing, with PATH.key beside it, the key that seals "
        "the answers kept for Idempotency-Key replays (a new API key's token among them). "
        "A file whose tables another release changed is refused",
    )
    serve.add_argument(
        "--seed",
        action="store_true",
        help="seed the demo data first, and print the three `export` lines that point the SDK "
        "and the CLI at this server",
    )
    serve.add_argument(
        "--rate-limit",
        type=rate_limit,
        default=DEFAULT_RATE_LIMIT,
        metavar="N/SECONDS",
        help="requests allowed per API key in each window of SECONDS; N alone, per 60 "
        "(default: 600/60)",
    )
    serve.add_argument(
        "--docs",
        type=directory,
        metavar="DIR",
        help="the site to serve at /docs (default: the API reference and try-it console that "
        "come with projekt-sandbox)",
    )


def serving_limits(serve: argparse.ArgumentParser) -> None:
    """`serve`'s options for how it treats clients: body size, timeouts, and what it announces."""
    serve.add_argument(
        "--max-body-bytes",
        type=positive_int,
        default=MAX_BODY_BYTES,
        metavar="N",
        help="larger request bodies are refused with 413 while being read (default: %(default)s)",
    )
    serve.add_argument(
        "--idle-timeout",
        type=positive_int,
        default=5,
        metavar="SECONDS",
        help="an idle keep-alive connection is closed after this long (default: %(default)s)",
    )
    serve.add_argument(
        "--request-timeout",
        type=seconds,
        default=10.0,
        metavar="SECONDS",
        help="a client whose request (head and body) is not in this long after it connected, "
        "or after its previous response, is disconnected (default: %(default)s)",
    )
    serve.add_argument(
        "--public-url",
        type=origin,
        metavar="URL",
        help="the origin clients reach this server at, when a proxy in front of it sends no "
        "X-Forwarded-Host: Link headers point there (default: the request's own)",
    )
    serve.add_argument(
        "--deprecate",
        type=deprecation,
        action="append",
        default=[],
        metavar="OPERATION_ID[:SUNSET]",
        help="answer this operation with Deprecation, Sunset (an ISO or HTTP date) and a "
        'Link rel="deprecation" to its docs; repeatable',
    )
    serve.add_argument(
        "--log-requests",
        action="store_true",
        help="log each request to stderr: method, path, status, request id, trace id",
    )


def main(argv: list[str] | None = None) -> None:
    args = parser().parse_args(argv)
    try:
        run(args)
    except sqlite3.Error as exc:  # a file that is no database, or a folder that is missing
        sys.exit(f"projekt-sandbox: cannot use {args.db} as the database: {exc}")


def run(args: argparse.Namespace) -> None:
    if args.command == "serve":
        serve_forever(args)
        return
    if args.command == "seed":
        print_credentials(seeded(args.db))
        return
    if not os.path.exists(args.db):  # a typo in the path: an empty database has no one in it
        sys.exit(f"projekt-sandbox: no database at {args.db}; make one with `seed` or `serve`")
    store = Store(args.db)
    try:
        credentials = mint(store, args.email, args.org)
    except LookupError as exc:
        sys.exit(f"projekt-sandbox: {exc.args[0]}")
    finally:
        store.close()
    print_credentials(credentials)


def print_credentials(credentials: dict[str, str]) -> None:
    if problem := write_credentials(json.dumps(credentials)):
        sys.exit(f"projekt-sandbox: {problem}")


def write_credentials(text: str) -> str | None:
    """`text` on stdout; or, on a full disk or a closed stdout, what went wrong (the database
    keeps what was done: `seed` again prints the same org and project)."""
    try:
        if sys.stdout is None:  # started with it closed (`>&-`), print() would drop the line
            raise OSError("stdout is closed")
        print(text, flush=True)
    except OSError as error:
        if sys.stdout is not None:  # what it still holds goes nowhere as Python exits
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return f"cannot write the credentials: {error.strerror or error}"
    return None
