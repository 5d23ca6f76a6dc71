"""SVG charts of a run (matplotlib, deterministic output)."""

from __future__ import annotations

from pathlib import Path

from benchsummary import AUTHLAB_MODES, summarize

COLORS = {"none": "#888888", "nginx": "#444444"}


def color(mode: str) -> str:
    if mode in COLORS:
        return COLORS[mode]
    return "#1f77b4" if mode.startswith("session") else "#d62728"


def write_charts(results: dict, directory: Path) -> list[tuple[str, str]]:
    """Writes bench-*.svg into `directory`; returns [(path, caption)]."""
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return []
    plt.rcParams["svg.hashsalt"] = "authlab-bench"
    plt.rcParams["font.size"] = 9
    directory.mkdir(parents=True, exist_ok=True)
    summary = summarize(results)
    main = summary["main"]
    modes = summary["modes"]
    made = []

    def save(fig, name, caption):
        path = directory / name
        fig.tight_layout()
        fig.savefig(path, format="svg", metadata={"Date": None})
        plt.close(fig)
        made.append((path, caption))

    conns = results["profile"]["connections"]
    fig, (left, right) = plt.subplots(1, 2, figsize=(10, 3.6))
    rps = [main[m]["rps"] or 0 for m in modes]
    left.barh(modes, rps, color=[color(m) for m in modes])
    left.invert_yaxis()
    left.set_xlabel(f"requests/s at {conns} connections (higher is better)")
    cpu_modes = [m for m in modes if m in AUTHLAB_MODES or m == "nginx"]
    cpu = [main[m]["cpu_us_per_req"] or 0 for m in cpu_modes]
    right.barh(cpu_modes, cpu, color=[color(m) for m in cpu_modes])
    right.invert_yaxis()
    right.set_xscale("log")
    right.set_xlabel("server CPU time per request, µs (log scale, lower is better)")
    save(fig, "bench-modes.svg", "Throughput and server CPU per request, by mode")

    if summary["sweep"]:
        fig, (left, right) = plt.subplots(1, 2, figsize=(10, 3.8))
        for mode in modes:
            points = sorted(summary["sweep"].get(mode, {}).items())
            if not points:
                continue
            xs = [c for c, _ in points]
            style = "--" if mode in ("none", "nginx") else "-"
            left.plot(xs, [r["rps"] for _, r in points], style, marker="o", label=mode,
                      color=None if mode not in COLORS else COLORS[mode])
            right.plot(xs, [r["p99_us"] / 1000 for _, r in points], style, marker="o",
                       label=mode, color=None if mode not in COLORS else COLORS[mode])
        ticks = sorted({c for per in summary["sweep"].values() for c in per})
        for axis in (left, right):
            axis.set_xscale("log", base=2)
            axis.set_xticks(ticks, [str(t) for t in ticks])
            axis.set_xlabel("connections")
        left.set_ylabel("requests/s")
        right.set_ylabel("p99 latency, ms")
        right.set_yscale("log")
        right.legend(fontsize=7, loc="upper left")
        save(fig, "bench-concurrency.svg", "Throughput and p99 latency against connections")

    scaling = {size: fig for size, fig in summary["scaling"].items() if fig["rounds"]}
    if len(scaling) > 1:
        fig, axis = plt.subplots(figsize=(6, 3.4))
        sizes = sorted(scaling)
        axis.plot(sizes, [scaling[s]["cpu_us_per_req"] for s in sizes], marker="o",
                  label="/session/me, server CPU per request (HTTP)", color=color("session"))
        inproc = summary["in_process"]
        points = []
        for size in sizes:
            label = f"{size // 1_000_000}M" if size >= 1_000_000 else f"{size // 1000}k"
            found = inproc.get(f"session lookup ({label} rows)")
            if found:
                points.append((size, found["ns_per_op"] / 1000))
        if points:
            axis.plot([p[0] for p in points], [p[1] for p in points], marker="s",
                      label="SessionStore.lookup in process", color="#2ca02c")
        floor = main["none"]["cpu_us_per_req"]
        if floor:
            axis.axhline(floor, linestyle="--", color=COLORS["none"],
                         label="/healthz CPU per request (floor)")
        axis.set_xscale("log")
        axis.set_ylim(bottom=0)
        axis.set_xlabel("rows in the sessions table")
        axis.set_ylabel("µs")
        axis.legend(fontsize=7)
        save(fig, "bench-scaling.svg", "Session lookup cost against the size of the table")
    return made
