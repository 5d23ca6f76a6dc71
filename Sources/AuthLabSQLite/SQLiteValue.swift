/// One SQLite value: what a column holds or a statement parameter is bound to.
public enum SQLiteValue: Sendable, Equatable, Hashable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])
}

extension SQLiteValue {
    /// A value for an optional string: `.null` when `nil`.
    public init(_ string: String?) {
        self = string.map { .text($0) } ?? .null
    }

    /// A value for an optional integer: `.null` when `nil`.
    public init(_ integer: Int64?) {
        self = integer.map { .integer($0) } ?? .null
    }

    /// A value for a platform integer (stored as a 64-bit integer).
    public init(_ integer: Int) {
        self = .integer(Int64(integer))
    }

    /// A value for a byte string.
    public init(_ bytes: [UInt8]) {
        self = .blob(bytes)
    }

    /// Whether this is SQL `NULL`.
    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }
}

extension SQLiteValue: ExpressibleByNilLiteral {
    public init(nilLiteral: ()) {
        self = .null
    }
}

extension SQLiteValue: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int64) {
        self = .integer(value)
    }
}

extension SQLiteValue: ExpressibleByFloatLiteral {
    public init(floatLiteral value: Double) {
        self = .real(value)
    }
}

extension SQLiteValue: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) {
        self = .text(value)
    }
}

extension SQLiteValue: ExpressibleByBooleanLiteral {
    /// SQLite has no boolean type: `true` is stored as 1 and `false` as 0.
    public init(booleanLiteral value: Bool) {
        self = .integer(value ? 1 : 0)
    }
}
