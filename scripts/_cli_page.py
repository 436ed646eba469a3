"""The docs' command-line page (build/docs/cli.html): every `projekt` command's --help.

Made from the CLI itself, so the page says exactly what `projekt <command> --help`
says for the spec it was built from: one section per command, anchored
`#<namespace>-<command>`, in the order of `projekt --help`.
"""

from __future__ import annotations

import html

import click

from projekt_cli._app import cli

PAGE = """<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Projekt command line</title>
  <link rel="icon" href="data:,">
  <style>
    body {{ max-width: 900px; margin: 0 auto; padding: 24px; font-family: system-ui, sans-serif;
           line-height: 1.5; color: #111827; }}
    pre {{ background: #f3f4f6; padding: 12px; overflow-x: auto; }}
    nav li {{ font-family: ui-monospace, monospace; }}
  </style>
</head>
<body>
<p><a href="index.html">API reference and console</a> &middot;
<a href="guide.html">SDK guide</a></p>
<h1>The <code>projekt</code> command line</h1>
<p><code>pip install 'projekt[cli]'</code>. Every operation of the API is a command;
this page is each one's <code>--help</code>.</p>
<pre>{root}</pre>
<nav><ul>
{nav}
</ul></nav>
{sections}
</body>
</html>
"""


def help_text(command: click.Command, path: list[str], parent: click.Context | None) -> str:
    context = click.Context(
        command, info_name=path[-1], parent=parent, terminal_width=100, max_content_width=100
    )
    return command.get_help(context)


def commands() -> list[tuple[str, str]]:
    """(`projekt issues list`, its help) for every command, namespaces' and account ones."""
    root = click.Context(cli, info_name="projekt", terminal_width=100, max_content_width=100)
    found = []
    for name in cli.list_commands(root):
        command = cli.get_command(root, name)
        assert command is not None
        if isinstance(command, click.Group):
            group = click.Context(command, info_name=name, parent=root)
            for sub in command.list_commands(group):
                leaf = command.get_command(group, sub)
                assert leaf is not None
                found.append((f"projekt {name} {sub}", help_text(leaf, [name, sub], group)))
        else:
            found.append((f"projekt {name}", help_text(command, [name], root)))
    return found


def page() -> str:
    root = click.Context(cli, info_name="projekt", terminal_width=100, max_content_width=100)
    entries = commands()

    def anchor(title: str) -> str:
        return "-".join(title.split()[1:])

    nav = "\n".join(f'<li><a href="#{anchor(t)}">{html.escape(t)}</a></li>' for t, _ in entries)
    sections = "\n".join(
        f'<section id="{anchor(t)}"><h2>{html.escape(t)}</h2><pre>{html.escape(h)}</pre></section>'
        for t, h in entries
    )
    return PAGE.format(root=html.escape(cli.get_help(root)), nav=nav, sections=sections)
