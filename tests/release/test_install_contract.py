"""The install contract: what pyproject declares is what the wheels need, at both ends.

pip only checks what is declared, so an imported but undeclared package (or a lower bound
below what the code uses) keeps whatever version a user's environment already has, and
breaks there. Here every third-party import of each distribution is declared; and the built
wheels, installed in a clean venv with every direct dependency at its lowest declared
version (on Python 3.11, the oldest the SDK supports), then at its newest (on 3.11, 3.12 and
3.13), run what a user runs: the testing guide's example tests, the quickstart
against `projekt-sandbox serve`, the `projekt` command, one call with each extra, and calls
over TLS (the real API's only scheme), over real sockets.
"""

from __future__ import annotations

import ast
import json
import os
import re
import shutil
import sys
import tomllib
from collections.abc import Iterator
from importlib.metadata import packages_distributions
from pathlib import Path

import httpx
import pytest
import trustme
from packaging.requirements import Requirement
from packaging.version import Version

from tests.fleet.conftest import RedisServer
from tests.helpers import ROOT, Sandbox
from tests.release.conftest import run
from tests.resilience.faultproxy import serving_tls

SDK = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
CLI = tomllib.loads((ROOT / "cli" / "pyproject.toml").read_text())["project"]
SANDBOX = tomllib.loads((ROOT / "sandbox" / "pyproject.toml").read_text())["project"]
# Each distribution's code (its hand-written and generated folders), and the requirements
# that must cover its imports.
DISTRIBUTIONS = {
    "projekt": (
        ["overlays/projekt", "generated/projekt"],
        SDK["dependencies"] + SDK["optional-dependencies"]["redis"],
    ),
    "projekt-cli": (["cli/projekt_cli", "generated/projekt_cli"], CLI["dependencies"]),
    "projekt-sandbox": (
        ["sandbox/projekt_sandbox", "generated/projekt_sandbox"],
        SANDBOX["dependencies"],
    ),
}
# One import name per distribution.
OURS = {"projekt", "projekt_cli", "projekt_sandbox"}


def imported(folders: list[str]) -> set[str]:
    """The top-level names of every third-party module these files import."""
    names: set[str] = set()
    for folder in folders:
        root = ROOT / folder
        for path in [root] if root.is_file() else sorted(root.rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text())):
                if isinstance(node, ast.Import):
                    names.update(alias.name.split(".")[0] for alias in node.names)
                elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                    names.add(node.module.split(".")[0])
    return {name for name in names if name not in sys.stdlib_module_names and name not in OURS}


def normalized(name: str) -> str:
    return name.lower().replace("_", "-").replace(".", "-")


@pytest.mark.parametrize("distribution", list(DISTRIBUTIONS))
def test_every_third_party_import_is_declared_with_a_lower_bound(distribution: str) -> None:
    folders, requirements = DISTRIBUTIONS[distribution]
    declared = {normalized(Requirement(line).name): Requirement(line) for line in requirements}
    providers = packages_distributions()
    for module in sorted(imported(folders)):
        names = {normalized(name) for name in providers.get(module, [module])}
        found = names & declared.keys()
        assert found, f"{distribution} imports {module}, which it does not declare"
        for name in found:
            assert any(s.operator == ">=" for s in declared[name].specifier), (
                f"{distribution} declares {name} without a lower bound"
            )


def lowest_constraints() -> list[str]:
    """`name==lowest` for every third-party dependency of the three and every extra."""
    lines = SDK["dependencies"] + CLI["dependencies"] + SANDBOX["dependencies"]
    lines += [line for extra in SDK["optional-dependencies"].values() for line in extra]
    pins = {}
    for line in lines:
        requirement = Requirement(line)
        if normalized(requirement.name) in {"projekt", "projekt-cli"}:
            continue  # ours, released together: pinned to the one version
        (lowest,) = [s.version for s in requirement.specifier if s.operator == ">="]
        pins[normalized(requirement.name)] = f"{requirement.name}=={lowest}"
    return sorted(pins.values())


# The application's own OpenTelemetry SDK, which must match the API it got.
OTEL_SDK = {"lowest": "opentelemetry-sdk=={api}", "newest": "opentelemetry-sdk"}
# The CPythons `requires-python` admits that this machine has (3.14 it has not): the oldest
# with the dependencies at both ends, the others as a new user gets them, at the newest.
PYTHONS = ["3.11", "3.12", "3.13"]
INSTALLS = [("lowest", PYTHONS[0])] + [("newest", version) for version in PYTHONS]


def test_each_distribution_names_the_pythons_it_is_installed_on_here() -> None:
    for project in (SDK, CLI, SANDBOX):
        named = [
            classifier.rpartition(" :: ")[2]
            for classifier in project["classifiers"]
            if re.fullmatch(r"Programming Language :: Python :: 3\.\d+", classifier)
        ]
        assert named == PYTHONS, project["name"]


def interpreter(version: str) -> str:
    """The path of CPython `version`: this one, else pyenv's, which the machine comes with,
    else the system's."""
    if sys.version.startswith(version + "."):
        return sys.executable
    root = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv"))
    found = sorted(root.glob(f"versions/{version}.*/bin/python{version}"), reverse=True)
    found += [path for path in (Path(f"/usr/bin/python{version}"),) if path.exists()]
    assert found, f"no Python {version} under {root}/versions or /usr/bin, which the SDK supports"
    return str(found[0])


@pytest.fixture(scope="module", params=INSTALLS, ids=["-".join(i) for i in INSTALLS])
def installed(
    request: pytest.FixtureRequest,
    tmp_path_factory: pytest.TempPathFactory,
    wheels: dict[str, Path],
) -> Iterator[tuple[str, Path]]:
    """A clean venv of one Python holding the wheels with every extra, at the lowest or
    newest versions."""
    ends, version = request.param
    home = tmp_path_factory.mktemp(f"{ends}-{version}")
    run(interpreter(version), "-m", "venv", home / "venv", cwd=home)
    python = home / "venv" / "bin" / "python"
    said = run(python, "-c", "import platform; print(platform.python_version())", cwd=home)
    assert said.startswith(version + "."), said
    pip = [python, "-m", "pip", "install", "-q"]
    pip.append("--disable-pip-version-check")
    constraints: list[str] = []
    if ends == "lowest":
        (home / "lowest.txt").write_text("\n".join(lowest_constraints()) + "\n")
        constraints = ["-c", str(home / "lowest.txt")]
    sdk = f"{wheels['projekt']}[cli,otel,redis]"
    ours = [sdk, wheels["projekt_cli"], wheels["projekt_sandbox"]]
    # With uvicorn's standard extras (uvloop, websockets, httptools), which a FastAPI
    # project's environment has, and which the test kit must not pick up.
    run(*pip, *constraints, *ours, "pytest", "uvicorn[standard]", cwd=home)
    api = run(
        pip[0],
        "-c",
        "import importlib.metadata as m; print(m.version('opentelemetry-api'))",
        cwd=home,
    )
    run(*pip, OTEL_SDK[ends].format(api=api.strip()), cwd=home)
    yield ends, home


def venv_env(home: Path, **extra: str) -> dict[str, str]:
    """No repository path anywhere: not on sys.path, not the cwd, not in the env."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "PROJEKT_"))}
    return {**env, "PATH": f"{home / 'venv' / 'bin'}{os.pathsep}{env['PATH']}", **extra}


def test_the_lowest_install_has_exactly_the_lowest_declared_versions(
    installed: tuple[str, Path],
) -> None:
    ends, home = installed
    listed = json.loads(
        run(home / "venv" / "bin" / "python", "-m", "pip", "list", "--format=json", cwd=home)
    )
    versions = {normalized(item["name"]): item["version"] for item in listed}
    pins = lowest_constraints() if ends == "lowest" else []
    assert len(pins) > 10 or ends == "newest"
    for pin in pins:
        name, _, version = pin.partition("==")
        assert Version(versions[normalized(name)]) == Version(version), pin


def test_the_readme_example_tests_pass(installed: tuple[str, Path]) -> None:
    _, home = installed
    shutil.copy(ROOT / "examples" / "test_with_sandbox.py", home / "test_with_sandbox.py")
    python = home / "venv" / "bin" / "python"
    out = run(
        python,
        "-m",
        "pytest",
        "-q",
        "-p",
        "no:cacheprovider",
        "-W",
        "error",  # as a project whose pytest settings make every warning an error
        "test_with_sandbox.py",
        cwd=home,
        env=venv_env(home),
    )
    tests = (ROOT / "examples" / "test_with_sandbox.py").read_text().count("\ndef test_")
    assert f"{tests} passed" in out


LOOP_POLICY_KEPT = """
import asyncio
from projekt_sandbox.testing import SandboxServer

before = asyncio.get_event_loop_policy()
with SandboxServer():
    pass
assert asyncio.get_event_loop_policy() is before, asyncio.get_event_loop_policy()
"""


def test_the_test_kit_leaves_the_event_loop_policy_as_it_was(installed: tuple[str, Path]) -> None:
    """Where uvloop is installed, uvicorn before 0.36 (the kit takes 0.30 on) set uvloop's
    policy as the process's own: every event loop of the test session after the sandbox
    started, pytest-asyncio's too, was uvloop's."""
    _, home = installed
    run(home / "venv" / "bin" / "python", "-c", LOOP_POLICY_KEPT, cwd=home, env=venv_env(home))


CALL_WITH_EVERY_EXTRA = """
import json, logging, sys
import httpx, projekt, redis
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
exporter, provider = InMemorySpanExporter(), TracerProvider()
provider.add_span_processor(SimpleSpanProcessor(exporter))
redis_url = sys.argv[1]
with projekt.Projekt(tracer_provider=provider, throttle_url=redis_url) as client:
    me = client.me.get()
    same = client.get("/me", extra_headers={"X-Trace-Tag": "install"})  # a path off the spec
    assert same["id"] == me.id
budgets = redis.Redis.from_url(redis_url).keys("projekt:throttle:*")
spans = sorted(span.name for span in exporter.get_finished_spans())
logged = []  # what httpx logs of a call through the user's own client
class Keep(logging.Handler):
    def emit(self, record):
        logged.append(record.getMessage())
logging.getLogger("httpx").addHandler(Keep())
logging.getLogger("httpx").setLevel(logging.INFO)
with httpx.Client(auth=("for-another-service", "S3cret")) as own:  # the SDK's token goes
    assert projekt.Projekt(http_client=own).me.get().id == me.id
print(json.dumps({"user": me.id, "spans": spans, "budgets": len(budgets), "logged": logged}))
"""


def test_the_quickstart_the_cli_and_every_extra_work_against_the_installed_sandbox(
    installed: tuple[str, Path], tmp_path: Path
) -> None:
    _, home = installed
    bin_dir = home / "venv" / "bin"
    server = Sandbox(tmp_path / "demo.db", bin_dir=bin_dir, cwd=home, env=venv_env(home))
    redis_server = RedisServer(tmp_path)
    try:
        url, credentials = server.url, server.owner
        assert httpx.get(url + "/openapi.json").json()["openapi"].startswith("3.1")
        env = venv_env(
            home,
            PROJEKT_API_KEY=credentials["api_key"],
            PROJEKT_ORG_ID=credentials["org_id"],
            PROJEKT_BASE_URL=url,
        )
        out = run(bin_dir / "python", ROOT / "examples" / "quickstart.py", cwd=home, env=env)
        assert "## 4. POST /issues" in out and "Investigate flaky CI test" in out
        assert "issues" in run(bin_dir / "projekt", "--help", cwd=home, env=env)
        table = run(bin_dir / "projekt", "projects", "list", "-o", "table", cwd=home, env=env)
        assert table.split()[:2] == ["id", "name"]
        script = [bin_dir / "python", "-c", CALL_WITH_EVERY_EXTRA, redis_server.url]
        called = json.loads(run(*script, cwd=home, env=env))
        assert called["spans"] == ["GET /me", "GET /me", "me.get", "projekt.request"]
        assert called["budgets"] >= 1
        assert [line.split()[:4] for line in called["logged"]] == [
            ["HTTP", "Request:", "GET", f"{url}/me"]
        ]
        answered = run(
            bin_dir / "projekt", "api", "GET", "/me", "-H", "X-Tag: 1", cwd=home, env=env
        )
        assert json.loads(answered)["id"] == called["user"]
        check_hostile_bodies_are_refused(url, credentials)
    finally:
        redis_server.kill()
        server.stop()
    assert "Traceback" not in server.log.read_text()


CALLS_OVER_TLS = """
import asyncio, json, os, sys
import projekt
url = sys.argv[1]
def me():
    with projekt.Projekt(base_url=url) as client:
        return client.me.get().id
async def me_async():
    async with projekt.AsyncProjekt(base_url=url) as client:
        return (await client.me.get()).id
trusted = [me(), asyncio.run(me_async())]
del os.environ["SSL_CERT_FILE"]  # the CA is no longer trusted
try:
    me()
except projekt.APIConnectionError as error:
    print(json.dumps({"trusted": trusted, "untrusted": str(error)}))
"""


def test_calls_over_tls_trust_ssl_cert_file_and_nothing_else(
    installed: tuple[str, Path], sandbox_process: Sandbox, tmp_path: Path
) -> None:
    """The TLS of each end's httpx, httpcore and AnyIO, under the SDK's own pool."""
    _, home = installed
    ca = trustme.CA()
    ca.cert_pem.write_to_path(str(tmp_path / "ca.pem"))
    credentials = sandbox_process.owner
    env = venv_env(
        home,
        PROJEKT_API_KEY=credentials["api_key"],
        PROJEKT_ORG_ID=credentials["org_id"],
        SSL_CERT_FILE=str(tmp_path / "ca.pem"),
    )
    with serving_tls(ca, sandbox_process.port) as proxy:
        script = [home / "venv" / "bin" / "python", "-c", CALLS_OVER_TLS, proxy.url]
        called = json.loads(run(*script, cwd=home, env=env))
    assert called["trusted"] == [credentials["user_id"]] * 2
    assert "1 attempt: the server's TLS certificate is not trusted" in called["untrusted"]
    assert proxy.forwarded == ["GET 200", "GET 200"]


def check_hostile_bodies_are_refused(url: str, credentials: dict[str, str]) -> None:
    """The hardening tests' two hostile bodies, against the installed sandbox: each a 400."""
    headers = {
        "Authorization": f"Bearer {credentials['api_key']}",
        "X-Org-Id": credentials["org_id"],
        "Content-Type": "application/json",
    }
    deep = '{"name": "Deep", "key": "DEEP", "description": ' + "[" * 900 + "]" * 900 + "}"
    surrogate = f'{{"project_id": "{credentials["project_id"]}", "title": "a\\ud800"}}'
    for path, body in (("/projects", deep), ("/issues", surrogate)):
        response = httpx.post(url + path, content=body, headers=headers)
        assert response.status_code == 400, response.text
