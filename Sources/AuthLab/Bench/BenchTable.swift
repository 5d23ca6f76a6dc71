import AuthLabJSON

/// The results of `InProcessBenchmark` as an aligned text table or as JSON.
public enum BenchTable {
    /// One line per operation: time, raw primitive, raw time, ratio, target.
    public static func text(_ results: [BenchResult]) -> String {
        var rows: [[String]] = [["operation", "per op", "raw primitive", "raw", "ratio", "target"]]
        for result in results {
            rows.append([
                result.operation,
                duration(result.timing.median),
                result.raw?.name ?? "-",
                result.raw.map { duration($0.timing.median) } ?? "-",
                result.ratio.map { fixed($0, 2) + "x" } ?? "-",
                result.targetRatio.map { target in
                    "<= " + fixed(target, 1) + "x "
                        + ((result.targetMet ?? false) ? "met" : "MISSED")
                } ?? "",
            ])
        }
        let widths = (0..<rows[0].count).map { column in
            rows.map { $0[column].count }.max() ?? 0
        }
        return rows.map { row in
            row.enumerated().map { column, cell in
                let pad = String(repeating: " ", count: widths[column] - cell.count)
                return column == 1 || column == 3 || column == 4 ? pad + cell : cell + pad
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }.joined(separator: "\n") + "\n"
    }

    /// `{"results":[...], "batches":n, "max_iterations":n}` with times in nanoseconds.
    public static func json(_ results: [BenchResult], timer: BenchTimer) -> String {
        JSONWriter.string(
            .object([
                "batches": .int(Int64(timer.batches)),
                "max_iterations": .int(Int64(timer.maxIterations)),
                "results": .array(results.map(\.json)),
            ])) + "\n"
    }

    /// `0.84 µs`, `1.2 ms`: three significant digits in a readable unit.
    static func duration(_ nanos: Double) -> String {
        if nanos >= 1_000_000 {
            return fixed(nanos / 1_000_000, nanos >= 10_000_000 ? 1 : 2) + " ms"
        }
        if nanos >= 1_000 { return fixed(nanos / 1_000, nanos >= 10_000 ? 1 : 2) + " µs" }
        return fixed(nanos, 0) + " ns"
    }

    /// `value` with `places` decimals, without Foundation.
    static func fixed(_ value: Double, _ places: Int) -> String {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        guard let scaled = Int64(exactly: (value * scale).rounded()) else { return "-" }
        let whole = scaled / Int64(scale)
        guard places > 0 else { return String(whole) }
        let fraction = String(abs(scaled) % Int64(scale))
        let sign = scaled < 0 && whole == 0 ? "-" : ""
        return sign + String(whole) + "." + String(repeating: "0", count: places - fraction.count)
            + fraction
    }
}

extension String {
    fileprivate func trimmingTrailingSpaces() -> String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
