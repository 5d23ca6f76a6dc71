#!/usr/bin/env python3
"""The HTTP benchmark of authlab (run it through scripts/bench, which builds first).

Starts release servers on temporary databases (one per configuration), seeds them,
and drives each mode with wrk over loopback, alternating modes in rounds so that any
drift of the machine hits every mode alike. Per mode it records requests/s, latency
percentiles, server CPU time per request (/proc/<pid>/stat), database queries per
request (/metrics), credential bytes per request and server memory. It then measures
how the session lookup scales with the table, how every mode scales with connections,
login throughput, and the latency of /jwt/me and /session/me during a login storm.

--quick is a smoke run (under a minute, small tables) that writes only to --out.
The full run also writes docs/benchmarks.md and docs/img/bench-*.svg.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent / "bench_lib"))

from benchcore import FULL, MODES, QUICK, Lab, Profile, machine_facts  # noqa: E402
from benchreport import smoke_checks, write_charts, write_markdown  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="scripts/bench",
        description="HTTP benchmark: sessions vs JWTs vs the nginx ceiling, on loopback.")
    parser.add_argument("--bin", help="the release authlab binary (needed unless --from-results)")
    parser.add_argument("--from-results", metavar="FILE",
                        help="measure nothing: rewrite the report and charts from a results.json")
    parser.add_argument("--quick", action="store_true",
                        help="smoke run: every mode briefly, small tables, under a minute; "
                             "never touches docs/")
    parser.add_argument("--out", default=str(ROOT / "test-output" / "bench"),
                        help="directory for results.json (and, with --quick, the report)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory")
    return parser.parse_args(argv)


def _interrupt(signum, frame):
    raise KeyboardInterrupt


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    if args.from_results:
        results = json.loads(Path(args.from_results).read_text())
        return report(results, results["profile"]["name"] == "quick", Path(args.out).resolve())
    if not args.bin:
        print("scripts/bench.py: --bin is required", file=sys.stderr)
        return 64
    profile: Profile = QUICK if args.quick else FULL
    out = Path(args.out).resolve()
    out.mkdir(parents=True, exist_ok=True)
    # SIGTERM (a CI timeout) unwinds like Ctrl-C, so every server is stopped.
    signal.signal(signal.SIGTERM, _interrupt)

    started = time.time()
    facts = machine_facts(args.bin)
    facts["load_before"] = os.getloadavg()
    facts["command"] = os.environ.get(
        "BENCH_COMMAND", "scripts/bench.py " + " ".join(
            a for i, a in enumerate(argv) if a != "--bin" and (i == 0 or argv[i - 1] != "--bin")))
    work = Path(tempfile.mkdtemp(prefix="authlab-bench-"))
    print(f"bench: {profile.name} run, work dir {work}, load {facts['load_before']}",
          file=sys.stderr)
    lab = Lab(profile, Path(args.bin), work)
    try:
        results = lab.run()
    finally:
        lab.stop()
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    facts["load_after"] = os.getloadavg()
    facts["duration_s"] = round(time.time() - started, 1)
    facts["finished_at"] = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    results["machine"] = facts
    results["profile"] = profile.as_dict()
    results["modes"] = [mode.as_dict() for mode in MODES]

    (out / "results.json").write_text(json.dumps(results, indent=2) + "\n")
    print(f"bench: results in {out / 'results.json'} ({facts['duration_s']} s)", file=sys.stderr)
    return report(results, args.quick, out)


def report(results: dict, quick: bool, out: Path) -> int:
    """Charts and Markdown (docs/ for a full run, `out` for a quick one); smoke checks."""
    if quick:
        img_dir, doc = out / "img", out / "benchmarks.md"
    else:
        img_dir, doc = ROOT / "docs" / "img", ROOT / "docs" / "benchmarks.md"
    charts = write_charts(results, img_dir)
    write_markdown(results, doc, charts, relative_to=doc.parent)
    print(f"bench: report {doc}", file=sys.stderr)

    passed, failed = smoke_checks(results)
    for line in failed:
        print(f"FAILED: {line}", file=sys.stderr)
    print(f"{len(passed)} passed, {len(failed)} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
