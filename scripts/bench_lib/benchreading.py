"""The short reading of a run: which beliefs held, which did not, and what one machine
cannot show (with estimates, labelled as such). Every number comes from the results."""

from __future__ import annotations

# Assumptions for the estimates (not measured here; stated in the text).
RTT_MS = (0.1, 0.5)          # one round trip to a store in the same data centre
RPC_CPU_US = (10.0, 30.0)    # client CPU of one small network request (syscalls, TCP, parse)
NAMES = {"jwt-es256": "ES256", "jwt-eddsa": "EdDSA", "jwt-rs256": "RS256"}


def fmt(value, digits=1):
    return "n/a" if value is None else f"{value:.{digits}f}"


def reading(results: dict, summary: dict) -> str:
    main = summary["main"]
    profile = results["profile"]
    big = max(profile["table_sizes"])
    floor = main["none"]["cpu_us_per_req"]
    over = {mode: main[mode].get("overhead_us") for mode in main}
    s, h = over.get("session"), over.get("jwt-hs256")
    asym = {m: over.get(m) for m in ("jwt-es256", "jwt-eddsa", "jwt-rs256")}
    out = []
    if None in (floor, s, h):
        return "_Not enough data for a reading._\n"

    # Belief 1: tokens reduce server load.
    slower = [m for m, v in asym.items() if v is not None and v > s]
    text = (f"**\"Tokens reduce server load.\"** Partly. A request on this server costs "
            f"{fmt(floor)} µs of CPU before any authentication (HTTP parsing, routing, JSON, "
            f"metrics: the `none` row). On top of that, `/jwt/me` with an HS256 token costs "
            f"{fmt(h)} µs more and `/session/me` with a session in a table of {big:,} rows "
            f"{fmt(s)} µs more (authentication plus each endpoint's larger request and "
            "response; the in-process table below isolates the auth step). ")
    if h < s:
        text += (f"So HS256 is cheaper than the session by {fmt(s - h)} µs per request, "
                 f"{fmt(100 * (s - h) / (floor + s), 0)}% of a session request's total: real, "
                 "but not the order of magnitude the belief suggests. ")
    else:
        text += "So HS256 is not cheaper than the session here. "
    text += (f"Tokens do remove the database from the request: "
             f"{fmt(main['session']['db_queries_per_req'], 2)} queries per request for "
             f"sessions, 0 for JWTs. ")
    if slower:
        names = ", ".join(f"{NAMES[m]} ({fmt(asym[m])} µs)" for m in slower)
        text += (f"The belief fails for asymmetric tokens: {names} cost more CPU per request "
                 "than the session lookup, because a public-key verify is slower than a "
                 "primary-key lookup in a local SQLite file. ")
    touch, deny = over.get("session-touch"), over.get("jwt-denylist")
    text += (f"Making either scheme do more brings the costs together again: a write per "
             f"request (`session-touch`) costs {fmt(touch)} µs; a deny-list check on top of "
             f"HS256 (`jwt-denylist`, what immediate logout needs) costs {fmt(deny)} µs and "
             "gives the database query back.\n")
    out.append(text)

    # Belief 2: tokens scale better.
    scaling = {k: v for k, v in summary["scaling"].items() if v["rounds"]}
    text = "**\"Tokens scale better.\"** "
    if len(scaling) > 1:
        small, large = min(scaling), max(scaling)
        a, b = scaling[small]["cpu_us_per_req"], scaling[large]["cpu_us_per_req"]
        if a and b:
            text += (f"With the table: `/session/me` cost {fmt(a)} µs of server CPU per request "
                     f"at {small:,} rows and {fmt(b)} µs at {large:,} "
                     f"({'+' if b >= a else ''}{fmt(100 * (b - a) / a, 0)}%): a B-tree lookup "
                     "grows with the logarithm of the table, and a million sessions fit in the "
                     "page cache. ")
    sweep = summary["sweep"]
    if sweep.get("session") and sweep.get("jwt-hs256"):
        conns = sorted(sweep["session"])
        lo, hi = conns[0], conns[-1]
        text += (f"With connections ({lo} → {hi}): sessions went from "
                 f"{fmt(sweep['session'][lo]['rps'], 0)} to "
                 f"{fmt(sweep['session'][hi]['rps'], 0)} req/s and HS256 tokens from "
                 f"{fmt(sweep['jwt-hs256'][lo]['rps'], 0)} to "
                 f"{fmt(sweep['jwt-hs256'][hi]['rps'], 0)} req/s; both stop where the "
                 "cores are full, so on one machine 'scaling' is just CPU per request. ")
    text += ("Within one machine, then, tokens scale better only by their smaller CPU cost "
             "(HS256) or not at all (asymmetric). Where tokens do scale better is across "
             "machines, which this benchmark cannot show (below).\n")
    out.append(text)

    ceiling = main.get("nginx", {}).get("p99_us")
    if ceiling and ceiling > 5000:
        out.append(
            f"**Latency in this run says more about the machine than about authlab.** nginx's "
            f"own p99 at {profile['connections']} connections was {fmt(ceiling / 1000, 2)} ms: "
            "with other work on the same cores, p99 and max measure the scheduler. Compare "
            "CPU per request across modes, and latency only within one row of a quiet run.\n")
    logins = summary["logins"]
    if logins:
        costs = [r["cpu_us_per_req"] / 1000 for r in logins.values() if r.get("cpu_us_per_req")]
        if costs:
            out.append(
                f"**Logins dominate.** A login costs {fmt(min(costs), 0)}–{fmt(max(costs), 0)} ms "
                "of server CPU in either scheme (Argon2id), thousands of times a verified "
                "request. Issuing a token or a session is the cheap part of a login.\n")
    for storm in summary["storms"]:
        if storm["variant"] == "login" and storm["probe"] == "jwt-me":
            out.append(
                f"**A login storm hurts everyone.** `/jwt/me`'s p99 went from "
                f"{fmt(storm['base']['p99_us'] / 1000, 2)} ms to "
                f"{fmt(storm['storm']['p99_us'] / 1000, 2)} ms ({fmt(storm['ratio'])}x) while "
                "logins ran: the password hashes run on a worker pool, off the serving "
                "threads, but on the same cores. See the `--hash-workers 1` rows for a "
                "server that keeps a core free for serving.\n")

    # What one machine cannot show.
    rtt_lo, rtt_hi = RTT_MS
    cpu_lo, cpu_hi = RPC_CPU_US
    es = asym.get("jwt-es256")
    text = ("**What one machine cannot show (estimates, not measurements).** "
            f"*A session store across the network:* here the store is a file in the same "
            f"process. With Redis or Postgres on another host, each session request also pays "
            f"a network round trip, an assumed {rtt_lo}–{rtt_hi} ms inside one data centre, "
            f"in latency, and an assumed {cpu_lo:.0f}–{cpu_hi:.0f} µs of client CPU per call "
            f"(system calls, TCP, parsing). Estimate: session auth ≈ {fmt(s)} + "
            f"{cpu_lo:.0f}–{cpu_hi:.0f} µs of CPU per request instead of {fmt(s)} µs, plus "
            f"{rtt_lo}–{rtt_hi} ms of latency, and the store must answer every request of "
            "every server. ")
    if es is not None:
        text += (f"*Many verifiers sharing a public key:* with K services on a request's "
                 f"path, each verifies an ES256 token on its own for about {fmt(es)} µs of "
                 f"CPU and no shared state (K × {fmt(es)} µs, no network), while a session "
                 f"would cost each service a call to the store (K × {fmt(s + cpu_lo)}–"
                 f"{fmt(s + cpu_hi)} µs of CPU plus K round trips, unless the first service "
                 "passes the identity on). That, and not CPU on one box, is the case for "
                 "tokens; the price is revocation, which needs the deny-list (state again) or "
                 "short lifetimes.\n")
    out.append(text)
    return "\n".join(out)
