# The Projekt SDK pipeline: openapi.yaml -> generator -> generated/ + overlays/ -> the projekt package.
# Each target is a thin wrapper over scripts/. `make` alone lists them.
.DEFAULT_GOAL := help
.PHONY: help demo sandbox docs bootstrap generate check-generated lint build release-notes check test bench consoles

help: ## List the targets (* marks the main ones)
	@awk 'BEGIN {FS = ":.*## "} /^[a-z-]+:.*## / {printf "  make %-16s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

demo: ## * The quickstart loop through the SDK, against a fresh local sandbox
	@scripts/demo.sh

docs: ## Build the API reference with its try-it console, and the SDK guide, into build/docs/
	@scripts/docs.sh

sandbox: ## Run the sandbox on 127.0.0.1:8787 in the foreground, with demo credentials
	@scripts/sandbox.sh

bootstrap: ## Install pinned Python tools into .venv/ and npm tools into node_modules/
	@scripts/bootstrap.sh

generate: ## Regenerate generated/ from openapi.yaml, overlays/ and generator-config.yml
	@scripts/bootstrap.sh python
	@.venv/bin/python scripts/generate.py

check-generated: ## Fail when generated/ is out of date
	@scripts/bootstrap.sh python
	@scripts/check-generated.sh

lint: bootstrap ## Lint the spec (Spectral, Redocly, breaking changes, TypeScript) and the Python
	@scripts/lint.sh

build: ## Build the SDK, the sandbox (with its test kit) and the spec bundle into dist/
	@scripts/bootstrap.sh python node
	@scripts/build.sh

release-notes: ## Draft a CHANGELOG.md entry from the SDK surface and spec diffs since the last release
	@scripts/bootstrap.sh python node
	@scripts/release-notes.sh

check: ## The inner loop: ruff, then the SDK's, the CLI's and the sandbox's unit tests (ARGS=...)
	@scripts/check.sh $(ARGS)

test: ## * Run every gate and every test, installing what is missing
	@scripts/test.sh

bench: ## Benchmarks: SDK overhead, import time, loopback, memory, throttled export
	@scripts/bench.sh

consoles: ## Measure the try-it console candidates (docs/adr/0014) with axe, offline
	@scripts/consoles.sh
