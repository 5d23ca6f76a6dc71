"""Regenerates the measured blocks of docs/reliability.md by running their commands.

Each block is delimited in the Markdown by

    <!-- output: COMMAND -->
    ...replaced with "$ COMMAND" and what it printed, in a text fence...
    <!-- end output -->

so every figure in the document is real output of the command shown above it.
Run it through scripts/reliability/update-docs; a failing command is still
recorded (its exit status is written under the output) and makes this exit 1.
"""

from __future__ import annotations

import datetime
import os
import platform
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "reliability.md"
BLOCK = re.compile(r"(<!-- output: (?P<cmd>.+?) -->\n)(?P<body>.*?)(<!-- end output -->)",
                   re.DOTALL)
STAMP = re.compile(r"<!-- stamp -->.*?<!-- end stamp -->", re.DOTALL)


def run(command: str) -> tuple[str, int]:
    print(f"==> {command}", file=sys.stderr, flush=True)
    result = subprocess.run(["bash", "-c", command], cwd=ROOT, capture_output=True, text=True,
                            check=False)
    text = (result.stdout + result.stderr).rstrip()
    # Keep the document stable and free of machine paths.
    text = text.replace(str(ROOT) + "/", "").replace(str(ROOT), ".")
    text = re.sub(r"/tmp/[A-Za-z0-9_./-]+", "<tmp>", text)
    print(text, file=sys.stderr)
    return text, result.returncode


def main() -> int:
    only = sys.argv[1:]  # optional: regenerate only blocks whose command contains one
    doc = DOC.read_text()
    failed = 0

    def replace(match: re.Match[str]) -> str:
        nonlocal failed
        if only and not any(word in match.group("cmd") for word in only):
            return match.group(0)
        text, code = run(match.group("cmd"))
        failed += code != 0
        tail = "" if code == 0 else f"\n(exit status {code})"
        return (match.group(1) + "```text\n$ " + match.group("cmd") + "\n" + text + tail
                + "\n```\n" + match.group(4))

    doc = BLOCK.sub(replace, doc)
    binary = os.environ.get("AUTHLAB_BIN", "")
    build = "release" if "/release/" in binary else "debug"
    stamp = (f"<!-- stamp -->Last regenerated {datetime.date.today().isoformat()} by "
             f"`scripts/reliability/update-docs` on {platform.system()} "
             f"{platform.machine()}, {os.cpu_count()} cores (shared with other work), "
             f"{build} build of authlab.<!-- end stamp -->")
    doc = STAMP.sub(stamp, doc)
    DOC.write_text(doc)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
