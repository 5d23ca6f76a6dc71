"""Turns the raw measurements into per-mode figures, target verdicts and smoke checks."""

from __future__ import annotations

import statistics

AUTHLAB_MODES = ["none", "session", "session-touch", "jwt-hs256", "jwt-es256", "jwt-eddsa",
                 "jwt-rs256", "jwt-denylist"]
ASYMMETRIC = {"jwt-es256": "ES256", "jwt-eddsa": "EdDSA", "jwt-rs256": "RS256"}


def med(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def aggregate(records: list[dict]) -> dict:
    """Medians over rounds; max of maxima; sums of errors."""
    return {
        "rounds": len(records),
        "rps": med([r["rps"] for r in records]),
        "p50_us": med([r["p50_us"] for r in records]),
        "p99_us": med([r["p99_us"] for r in records]),
        "max_us": max((r["max_us"] for r in records), default=None),
        "cpu_us_per_req": med([r.get("cpu_us_per_req") for r in records]),
        "cores_busy": med([r.get("server_cores_busy") for r in records]),
        "db_queries_per_req": med([r.get("db_queries_per_req") for r in records]),
        "credential_bytes": med([r.get("credential_bytes") for r in records]),
        "requests": sum(r["requests"] for r in records),
        "non2xx": sum(r["non2xx"] for r in records),
        "socket_errors": sum(r["socket_errors"] for r in records),
    }


def summarize(results: dict) -> dict:
    measurements = results["measurements"]
    modes = [m["name"] for m in results["modes"]]
    servers = {m["name"]: m["server"] for m in results["modes"]}

    def pick(phase, **match):
        return [r for r in measurements if r["phase"] == phase
                and all(r.get(k) == v for k, v in match.items())]

    main = {mode: aggregate(pick("main", mode=mode)) for mode in modes}
    floor = main["none"]["cpu_us_per_req"]
    for mode in AUTHLAB_MODES:
        cpu = main[mode]["cpu_us_per_req"]
        main[mode]["overhead_us"] = None if cpu is None or floor is None else cpu - floor
    memory = results.get("memory", {})
    for mode in modes:
        main[mode]["memory"] = memory.get(servers[mode], {})

    sweep = {}
    for record in pick("sweep"):
        sweep.setdefault(record["mode"], {})[record["connections"]] = record

    scaling = {}
    for size in results["profile"]["table_sizes"]:
        scaling[size] = aggregate(pick("scaling", rows=size))

    logins = {r["mode"]: r for r in pick("login")}
    storms = []
    for base in pick("storm-base"):
        during = next((r for r in pick("storm", mode=base["mode"], server=base["server"])), None)
        logins_during = next((r for r in pick("storm-logins", server=base["server"],
                                              mode=base["mode"].replace("-me", "-login"))), None)
        if during:
            storms.append({"variant": base["server"], "probe": base["mode"], "base": base,
                           "storm": during, "logins": logins_during,
                           "ratio": during["p99_us"] / max(base["p99_us"], 1)})

    inproc = {r["operation"]: r for r in results.get("in_process", {}).get("results", [])}
    return {"main": main, "sweep": sweep, "scaling": scaling, "logins": logins,
            "storms": storms, "in_process": inproc, "modes": modes}


def us(value, digits=1):
    return "n/a" if value is None else f"{value:.{digits}f} µs"


def targets(results: dict, summary: dict) -> list[dict]:
    """Each target with its measured value and verdict (None: not measurable in this run)."""
    main, profile = summary["main"], results["profile"]
    quick = profile["name"] == "quick"
    rows = []

    def add(name, wanted, measured, met, note=""):
        rows.append({"target": name, "wanted": wanted, "measured": measured, "met": met,
                     "note": note})

    nginx, healthz = main["nginx"]["rps"], main["none"]["rps"]
    if nginx and healthz:
        ratio = healthz / nginx
        add("/healthz throughput vs nginx", "≥ 0.85x", f"{ratio:.2f}x "
            f"({healthz:,.0f} vs {nginx:,.0f} req/s)", ratio >= 0.85)
    hs = main["jwt-hs256"]["overhead_us"]
    add("jwt-hs256 auth CPU over `none`", "≤ 3 µs/request", us(hs, 2),
        None if hs is None else hs <= 3)
    session = main["session"]["overhead_us"]
    big = max(profile["table_sizes"])
    add(f"session auth CPU over `none` ({big:,} sessions)", "≤ 6 µs/request at 1M sessions",
        us(session, 2), None if session is None else session <= 6,
        "" if big >= 1_000_000 else "table smaller than 1M in this run")
    inproc = summary["in_process"]
    for mode, alg in ASYMMETRIC.items():
        raw = inproc.get(f"jwt verify {alg}", {}).get("raw_ns_per_op")
        over = main[mode]["overhead_us"]
        if raw is None or over is None:
            add(f"{mode} auth CPU over `none`", "≤ 1.2x raw verify + 3 µs", us(over, 1), None)
            continue
        limit = 1.2 * raw / 1000 + 3
        add(f"{mode} auth CPU over `none`", f"≤ 1.2x raw verify + 3 µs = {limit:.1f} µs",
            f"{over:.1f} µs (raw verify {raw / 1000:.1f} µs)", over <= limit)
    at64 = summary["sweep"]
    for mode in ("none", "session", "jwt-hs256"):
        # The main table (median of rounds) when it ran at 64 connections, else the sweep.
        record = at64.get(mode, {}).get(64)
        if profile["connections"] == 64:
            p99 = main[mode]["p99_us"]
        else:
            p99 = record["p99_us"] if record else None
        add(f"p99 of {mode} at 64 connections", "< 5 ms",
            "n/a" if p99 is None else f"{p99 / 1000:.2f} ms",
            None if p99 is None else p99 < 5000,
            "" if p99 is not None else f"quick run uses {profile['connections']} connections")
    for storm in summary["storms"]:
        if storm["probe"] == "jwt-me" and storm["variant"] == "login":
            add("/jwt/me p99 during a login storm", "≤ 2x without",
                f"{storm['ratio']:.1f}x ({storm['base']['p99_us'] / 1000:.2f} → "
                f"{storm['storm']['p99_us'] / 1000:.2f} ms)", storm["ratio"] <= 2)
    hwm = main["session"]["memory"].get("hwm_kib")
    if hwm:
        add(f"server memory (VmHWM) with {big:,} sessions", "< 100 MiB with 1M sessions",
            f"{hwm / 1024:.1f} MiB", hwm / 1024 < 100,
            "" if big >= 1_000_000 else "table smaller than 1M in this run")
    if quick:
        for row in rows:
            row["note"] = (row["note"] + "; " if row["note"] else "") + "quick run: indicative only"
    return rows


def smoke_checks(results: dict) -> tuple[list[str], list[str]]:
    """Every mode answered, without errors (a login storm may see 503s; nothing else may)."""
    passed, failed = [], []

    def check(ok: bool, text: str):
        (passed if ok else failed).append(text)

    summary = summarize(results)
    for mode, figures in summary["main"].items():
        check(figures["requests"] > 0, f"{mode}: requests were answered")
        check(figures["non2xx"] == 0, f"{mode}: no non-2xx answers ({figures['non2xx']})")
        check(figures["socket_errors"] == 0,
              f"{mode}: no socket errors ({figures['socket_errors']})")
        if mode in AUTHLAB_MODES:
            check(figures["cpu_us_per_req"] is not None and figures["cpu_us_per_req"] > 0,
                  f"{mode}: server CPU per request measured")
    queries = {mode: summary["main"][mode]["db_queries_per_req"] for mode in AUTHLAB_MODES}
    check(queries["none"] == 0 and queries["jwt-hs256"] == 0,
          f"none and jwt-hs256 make no DB query ({queries['none']}, {queries['jwt-hs256']})")
    check((queries["session"] or 0) >= 1 and (queries["jwt-denylist"] or 0) >= 1,
          f"session and jwt-denylist query the DB ({queries['session']}, "
          f"{queries['jwt-denylist']})")
    check((queries["session-touch"] or 0) >= 2,
          f"session-touch writes every request ({queries['session-touch']} queries/request)")
    for name, record in summary["logins"].items():
        check(record["requests"] > 0, f"{name}: logins answered ({record['requests']})")
        check(record["non2xx"] == 0 and record["socket_errors"] == 0,
              f"{name}: no failed logins ({record['non2xx']}, {record['socket_errors']})")
    for storm in summary["storms"]:
        for part in ("base", "storm"):
            record = storm[part]
            check(record["requests"] > 0 and record["non2xx"] == 0
                  and record["socket_errors"] == 0,
                  f"{storm['variant']} {storm['probe']} ({part}): answered without errors")
        logins = storm["logins"]
        check(logins is not None and logins["requests"] > 0 and logins["socket_errors"] == 0,
              f"{storm['variant']} {storm['probe']}: the storm's logins were answered")
    check(len(summary["in_process"]) > 0, "authlab bench produced results")
    return passed, failed
