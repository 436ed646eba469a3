"""The matrix's Go and PHP clients from openapi-generator (tests/polyglot/matrix.py), with
Debian's Go (`go vet`, offline: the client needs no module download) and Debian's PHP with
its Guzzle package (`php -l` on every file)."""

from __future__ import annotations

from pathlib import Path

from tests.polyglot.matrix import (
    OPENAPI_GENERATOR_NOTICES,
    OUT,
    PROGRAMS,
    Command,
    Generator,
    openapi_generator,
    test_the_client_checks_strictly_and_runs_the_quickstart,
)

GO = PROGRAMS / "openapi-generator-go"
PHP = PROGRAMS / "openapi-generator-php" / "quickstart.php"
GO_ENV = {
    "GOTOOLCHAIN": "local",  # Debian's go, never a download
    "GOPROXY": "off",
    "GOFLAGS": "-mod=mod",
    "GOCACHE": str(OUT / ".go" / "cache"),
    "GOPATH": str(OUT / ".go" / "path"),
}


def php_lint(out: Path) -> list[Command]:
    return [["php", "-l", path] for path in [PHP, *sorted((out / "lib").rglob("*.php"))]]


GENERATORS = [
    Generator(
        "openapi-generator-go",
        openapi_generator(
            "go",
            "openapi-generator-go",
            "--git-user-id=projekt",
            "--git-repo-id=projekt-go",
            "--additional-properties=packageName=projekt",
        ),
        lambda out: [["go", "vet", "./...", "github.com/projekt/projekt-go"]],
        ["go", "run", "."],
        notices=OPENAPI_GENERATOR_NOTICES,
        env=GO_ENV,
        cwd=GO,
    ),
    Generator(
        "openapi-generator-php",
        openapi_generator(
            "php", "openapi-generator-php", "--additional-properties=invokerPackage=Projekt"
        ),
        php_lint,
        ["php", PHP],
        notices=OPENAPI_GENERATOR_NOTICES,
    ),
]


__all__ = ["test_the_client_checks_strictly_and_runs_the_quickstart"]  # run per GENERATORS
