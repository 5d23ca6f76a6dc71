internal import CHiredis

extension RedisReply {
    /// Copies a hiredis reply (and its elements) into Swift values.
    init(_ reply: UnsafePointer<redisReply>) {
        let value = reply.pointee
        switch value.type {
        case REDIS_REPLY_INTEGER:
            self = .integer(Int64(value.integer))
        case REDIS_REPLY_NIL:
            self = .null
        case REDIS_REPLY_ARRAY:
            var elements: [RedisReply] = []
            if let element = value.element {
                for index in 0..<value.elements {
                    if let child = element[index] {
                        elements.append(RedisReply(child))
                    } else {
                        elements.append(.null)
                    }
                }
            }
            self = .array(elements)
        default:
            let bytes: [UInt8] =
                value.str.map { pointer in
                    Array(UnsafeRawBufferPointer(start: pointer, count: value.len))
                } ?? []
            switch value.type {
            case REDIS_REPLY_STATUS: self = .status(String(decoding: bytes, as: UTF8.self))
            case REDIS_REPLY_ERROR: self = .error(String(decoding: bytes, as: UTF8.self))
            default: self = .bulk(bytes)
            }
        }
    }
}
