"""`python -m projekt_cli`: the same as the `projekt` command."""

from projekt_cli import main

main()
