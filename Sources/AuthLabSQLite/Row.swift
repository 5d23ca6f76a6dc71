/// One result row: its values in column order, with the statement's column names.
public struct Row: Sendable, Equatable {
    /// The values, in the order of the result columns.
    public let values: [SQLiteValue]
    /// The result column names (shared by every row of one query).
    public let columnNames: [String]

    public init(values: [SQLiteValue], columnNames: [String]) {
        self.values = values
        self.columnNames = columnNames
    }

    /// The number of columns.
    public var count: Int { values.count }

    /// The value at `index`, or `.null` when there is no such column.
    public subscript(_ index: Int) -> SQLiteValue {
        values.indices.contains(index) ? values[index] : .null
    }

    /// The value of the first column called `name`, or `.null` when there is none.
    public subscript(_ name: String) -> SQLiteValue {
        guard let index = columnNames.firstIndex(of: name) else { return .null }
        return self[index]
    }

    /// The integer at `index`, or `nil` when it is not an integer.
    public func int64(_ index: Int) -> Int64? {
        if case .integer(let value) = self[index] { return value }
        return nil
    }

    /// The integer at `index` as `Int`, or `nil` when it is not an integer.
    public func int(_ index: Int) -> Int? {
        int64(index).map { Int($0) }
    }

    /// The number at `index` (a real, or an integer widened), or `nil`.
    public func double(_ index: Int) -> Double? {
        switch self[index] {
        case .real(let value): return value
        case .integer(let value): return Double(value)
        default: return nil
        }
    }

    /// The integer at `index` read as a boolean (non-zero is `true`), or `nil`.
    public func bool(_ index: Int) -> Bool? {
        int64(index).map { $0 != 0 }
    }

    /// The text at `index`, or `nil` when it is not text.
    public func string(_ index: Int) -> String? {
        if case .text(let value) = self[index] { return value }
        return nil
    }

    /// The bytes at `index`, or `nil` when it is not a blob.
    public func blob(_ index: Int) -> [UInt8]? {
        if case .blob(let value) = self[index] { return value }
        return nil
    }
}
