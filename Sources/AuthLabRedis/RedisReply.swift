/// One RESP reply, copied out of hiredis's reply object.
public enum RedisReply: Sendable, Equatable {
    /// `+OK`-style status line.
    case status(String)
    /// `-ERR ...` error line.
    case error(String)
    /// `:123`.
    case integer(Int64)
    /// A bulk string, as bytes.
    case bulk([UInt8])
    /// A nil bulk string or array.
    case null
    /// A (possibly nested) array.
    case array([RedisReply])

    /// The bulk or status text as UTF-8, `nil` for other kinds.
    public var string: String? {
        switch self {
        case .bulk(let bytes): String(decoding: bytes, as: UTF8.self)
        case .status(let text): text
        default: nil
        }
    }

    /// An integer reply, or a bulk string holding a decimal integer (as Lua returns).
    public var int64: Int64? {
        switch self {
        case .integer(let value): value
        case .bulk(let bytes): Int64(String(decoding: bytes, as: UTF8.self))
        default: nil
        }
    }

    /// The elements of an array reply, `nil` for other kinds.
    public var array: [RedisReply]? {
        if case .array(let elements) = self { return elements }
        return nil
    }

    /// Whether this is the nil reply.
    public var isNull: Bool { self == .null }
}
