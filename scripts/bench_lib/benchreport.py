"""docs/benchmarks.md (or the --quick report): tables, charts, targets, a reading."""

from __future__ import annotations

import os
from datetime import datetime, timezone
from pathlib import Path

from benchcharts import write_charts  # noqa: F401  (re-exported for bench.py)
from benchreading import reading
from benchsummary import AUTHLAB_MODES, smoke_checks, summarize, targets  # noqa: F401

NOTES_BEGIN = "<!-- notes: hand-written, kept when the file is regenerated -->"
NOTES_END = "<!-- end of notes -->"


def ms(us):
    return "–" if us is None else f"{us / 1000:.2f}"


def num(value, digits=1):
    return "–" if value is None else f"{value:,.{digits}f}"


def table(header: list[str], rows: list[list[str]], align: str = "") -> str:
    """A Markdown table; `align` has one letter per column (l or r; default: l then r)."""
    align = align or "l" + "r" * (len(header) - 1)
    lines = ["| " + " | ".join(header) + " |",
             "|" + "|".join("---:" if a == "r" else "---" for a in align) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def machine_section(results: dict) -> str:
    m = results["machine"]
    before, after = m["load_before"], m["load_after"]
    busy = max(before[0], after[0]) > 0.5 * (m["nproc"] or 1)
    text = (f"- {m['nproc']} cores ({m['cpu_model']}), {m['memory_gib']} GiB memory, "
            f"Linux {m['kernel']}\n- {m['swift']}; {m['wrk']}; {m['nginx']}; "
            f"Python {m['python']}\n"
            f"- authlab at commit `{m.get('commit', 'not recorded')}`\n"
            f"- load average (1, 5, 15 min) before: {', '.join(f'{x:.2f}' for x in before)}; "
            f"after: {', '.join(f'{x:.2f}' for x in after)}\n")
    if busy:
        text += ("- **The machine was busy** (other builds were running): requests/s and "
                 "latencies are lower and noisier than on an idle machine. CPU time per "
                 "request, read from /proc, is the figure least disturbed by that.\n")
    return text


def main_table(results: dict, summary: dict) -> str:
    main = summary["main"]
    descriptions = {m["name"]: m["what"] for m in results["modes"]}
    rows = []
    for mode in summary["modes"]:
        f = main[mode]
        memory = f["memory"]
        rows.append([
            f"`{mode}`", num(f["rps"], 0), ms(f["p50_us"]), ms(f["p99_us"]), ms(f["max_us"]),
            num(f["cpu_us_per_req"], 1),
            num(f.get("overhead_us"), 1) if mode in AUTHLAB_MODES and mode != "none" else "",
            num(f["db_queries_per_req"], 2) if mode in AUTHLAB_MODES else "",
            num(f["credential_bytes"], 0),
            f"{memory.get('rss_kib', 0) / 1024:.0f} / {memory.get('hwm_kib', 0) / 1024:.0f}"
            if memory else "–",
            descriptions[mode]])
    return table(["mode", "req/s", "p50 ms", "p99 ms", "max ms", "CPU µs/req",
                  "auth µs/req over `none`", "DB queries/req", "credential bytes/req",
                  "RSS / HWM MiB", "what"], rows, "lrrrrrrrrrl")


def sweep_table(summary: dict) -> str:
    sweep = summary["sweep"]
    conns = sorted({c for per in sweep.values() for c in per})
    if not conns:
        return "_Not run (quick run)._\n"
    rows = []
    for mode in summary["modes"]:
        per = sweep.get(mode, {})
        rows.append([f"`{mode}`"] + [
            f"{num(per[c]['rps'], 0)} / {ms(per[c]['p99_us'])}" if c in per else "–"
            for c in conns])
    return table(["mode"] + [f"c={c}: req/s / p99 ms" for c in conns], rows)


def scaling_table(summary: dict) -> str:
    rows = []
    inproc = summary["in_process"]
    for size, f in sorted(summary["scaling"].items()):
        if not f["rounds"]:
            continue
        label = f"{size // 1_000_000}M" if size >= 1_000_000 else f"{size // 1000}k"
        lookup = inproc.get(f"session lookup ({label} rows)")
        rows.append([f"{size:,}", num(f["rps"], 0), ms(f["p99_us"]), num(f["cpu_us_per_req"], 1),
                     num(f["db_queries_per_req"], 2),
                     num(lookup["ns_per_op"] / 1000, 2) if lookup else "–",
                     num(lookup["raw_ns_per_op"] / 1000, 2) if lookup else "–"])
    return table(["sessions rows", "req/s", "p99 ms", "server CPU µs/req", "DB queries/req",
                  "SessionStore.lookup µs (in process)", "bare SELECT µs (in process)"], rows)


def login_tables(summary: dict) -> str:
    rows = []
    for name, r in sorted(summary["logins"].items()):
        rows.append([f"`{name}`", num(r["rps"], 1), ms(r["p50_us"]), ms(r["p99_us"]),
                     num(r["cpu_us_per_req"] / 1000 if r.get("cpu_us_per_req") else None, 1),
                     num(r.get("server_cores_busy"), 2), str(r["non2xx"])])
    text = table(["login", "logins/s", "p50 ms", "p99 ms", "server CPU ms/login",
                  "cores busy", "non-2xx"], rows)
    rows = []
    for s in summary["storms"]:
        logins = s["logins"] or {}
        rows.append([s["variant"] + (" (`--hash-workers 1`)" if s["variant"] != "login" else ""),
                     f"`{s['probe'].replace('-me', '/me')}`", num(s["base"]["rps"], 0),
                     ms(s["base"]["p99_us"]), num(s["storm"]["rps"], 0),
                     ms(s["storm"]["p99_us"]), f"{s['ratio']:.1f}x",
                     num(logins.get("rps"), 1), str(logins.get("non2xx", "–"))])
    text += "\n" + table(["server", "probe", "alone req/s", "alone p99 ms", "in storm req/s",
                          "in storm p99 ms", "p99 ratio", "storm logins/s",
                          "storm non-2xx (503)"], rows, "llrrrrrrr")
    return text


def in_process_table(summary: dict) -> str:
    rows = []
    for op, r in summary["in_process"].items():
        raw = r.get("raw_ns_per_op")
        target = ""
        if "target_ratio" in r:
            target = f"≤ {r['target_ratio']}x: " + ("met" if r.get("target_met") else "**missed**")
        rows.append([op, num(r["ns_per_op"] / 1000, 2), r.get("raw_operation", "–"),
                     num(raw / 1000, 2) if raw else "–",
                     f"{r['ratio']:.2f}x" if "ratio" in r else "–", target])
    return table(["operation", "µs/op", "raw primitive", "raw µs/op", "ratio", "target"], rows,
                 "lrlrrl")


def targets_table(rows: list[dict]) -> str:
    verdict = {True: "met", False: "**missed**", None: "not measured"}
    return table(["target", "wanted", "measured", "verdict", "note"],
                 [[r["target"], r["wanted"], r["measured"], verdict[r["met"]], r["note"]]
                  for r in rows], "lllll")


def kept_notes(doc: Path) -> str:
    if doc.exists():
        text = doc.read_text()
        if NOTES_BEGIN in text and NOTES_END in text:
            return text[text.index(NOTES_BEGIN):text.index(NOTES_END) + len(NOTES_END)]
    return f"{NOTES_BEGIN}\n_No notes yet._\n{NOTES_END}"


def write_markdown(results: dict, doc: Path, charts, relative_to: Path) -> None:
    summary = summarize(results)
    profile = results["profile"]
    quick = profile["name"] == "quick"
    now = results["machine"].get("finished_at") or datetime.now(timezone.utc).strftime(
        "%Y-%m-%d %H:%M UTC")
    big = max(profile["table_sizes"])
    parts = [
        "# Benchmarks: sessions and JWTs on one machine\n",
        f"Generated by `{results['machine']['command']}` on {now}; the run took "
        f"{results['machine']['duration_s']:.0f} s. Everything outside the notes section is "
        "rewritten by the next full run." + (" **This is a --quick smoke run: the figures "
                                             "are indicative only.**" if quick else "") + "\n",
        "## Machine\n", machine_section(results),
        "## Method\n",
        f"- One release `authlab serve` per configuration, each on its own copy of a seeded "
        f"database, `--threads {results['machine']['nproc']}`, `--no-access-log`; nginx with "
        f"`worker_processes {results['machine']['nproc']}`, `access_log off`, `return 200`. "
        "Everything on 127.0.0.1; wrk runs on the same cores as the servers.\n"
        f"- `session`, `session-touch` and `none` run against a table of {big:,} sessions "
        f"({profile['users']:,} users); wrk rotates {profile['cookies']:,} session cookies "
        f"and {profile['tokens']} access tokens (fetched with POST /jwt/login) per mode. "
        f"`jwt-denylist` checks a deny-list of {profile['denied']:,} revoked `jti`s.\n"
        f"- Main table: {profile['rounds']} round(s) of {profile['duration']:g} s per mode at "
        f"{profile['connections']} connections, the modes in a rotated order each round so "
        "drift hits all alike; figures are medians of rounds (max: the largest).\n"
        "- **CPU µs/req** is the server's utime+stime (`/proc/<pid>/stat`, all threads; for "
        "nginx master and workers) over the run divided by the requests it answered; "
        "**auth over `none`** subtracts the `/healthz` figure of the same server build. "
        "**DB queries/req** is the delta of `authlab_db_queries_total` (from `/metrics`) per "
        "request. **Credential bytes** is the `Cookie:` or `Authorization:` header line with "
        "CRLF. **RSS / HWM** are VmRSS / VmHWM after the main table.\n"
        "- Seeding (`authlab seed`): " + ", ".join(
            f"{int(k):,} sessions in {v:.1f} s" for k, v in results.get("seeding_s", {}).items())
        + ".\n",
        f"## Every mode at {profile['connections']} connections\n", main_table(results, summary),
    ]
    chart_md = {Path(p).name: f"![{c}]({os.path.relpath(p, relative_to)})\n" for p, c in charts}
    parts.append(chart_md.get("bench-modes.svg", ""))
    parts += ["## Targets\n", targets_table(targets(results, summary)),
              "## Concurrency\n", sweep_table(summary), chart_md.get("bench-concurrency.svg", ""),
              "## Session lookup against the size of the table\n",
              f"`/session/me` on servers whose table holds each number of rows "
              f"({profile['connections']} connections, {profile['rounds']} round(s)), next to "
              "the in-process cost from `authlab bench`.\n\n",
              scaling_table(summary), chart_md.get("bench-scaling.svg", ""),
              "## Logins and a login storm\n",
              "Logins use the default Argon2id parameters (m=19456 KiB, t=2, p=1) with "
              f"{profile['login_connections']} connections. In the storm, a second wrk sends "
              "the same scheme's logins while the probe runs "
              f"({profile['probe_connections']} connections, {profile['storm_duration']:g} s).\n\n",
              login_tables(summary),
              "## In process (`authlab bench`)\n",
              "Each path through the server's own code next to the raw primitive, measured in "
              "the same run (median of batches after a warm-up).\n\n",
              in_process_table(summary),
              "## Reading\n", reading(results, summary),
              "## Notes\n", kept_notes(doc) + "\n"]
    doc.parent.mkdir(parents=True, exist_ok=True)
    doc.write_text("\n".join(part.rstrip("\n") + "\n" for part in parts if part))
