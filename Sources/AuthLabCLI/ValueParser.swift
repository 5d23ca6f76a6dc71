/// Parsers for option values; each returns `nil` for bad input and never traps.
public enum ValueParser {
    /// A decimal integer (optional leading `+` or `-`), optionally within `range`.
    public static func int(_ text: String, in range: ClosedRange<Int>? = nil) -> Int? {
        guard let value = Int(text) else { return nil }
        if let range, !range.contains(value) { return nil }
        return value
    }

    /// A boolean: `1`, `true`, `yes` or `0`, `false`, `no`, in any letter case.
    public static func bool(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "1", "true", "yes": return true
        case "0", "false", "no": return false
        default: return nil
        }
    }

    /// A duration in whole seconds.
    ///
    /// A bare number is seconds (`900`); otherwise one or more number-unit pairs
    /// with units `s`, `m`, `h`, `d` (`30s`, `15m`, `1h`, `1h30m`, `7d`). No sign,
    /// spaces or fractions; `nil` on overflow.
    public static func seconds(_ text: String) -> Int64? {
        guard !text.isEmpty else { return nil }
        var total: Int64 = 0
        var number: Int64?
        for character in text {
            if let digit = character.wholeNumberValue, character.isASCII {
                let (times10, overflow1) = (number ?? 0).multipliedReportingOverflow(by: 10)
                let (next, overflow2) = times10.addingReportingOverflow(Int64(digit))
                guard !overflow1, !overflow2 else { return nil }
                number = next
                continue
            }
            guard let value = number, let unit = unitSeconds(character) else { return nil }
            let (scaled, overflow1) = value.multipliedReportingOverflow(by: unit)
            let (sum, overflow2) = total.addingReportingOverflow(scaled)
            guard !overflow1, !overflow2 else { return nil }
            total = sum
            number = nil
        }
        if let trailing = number {
            // A bare number is seconds; "1h30" (a unit then bare digits) is refused.
            guard total == 0, text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            return trailing
        }
        return total
    }

    private static func unitSeconds(_ unit: Character) -> Int64? {
        switch unit {
        case "s": return 1
        case "m": return 60
        case "h": return 3600
        case "d": return 86400
        default: return nil
        }
    }
}
