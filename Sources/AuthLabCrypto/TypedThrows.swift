// Standard-library `withUnsafe…` helpers are `rethrows` (untyped); these keep `CryptoError`.

extension Array where Element == UInt8 {
    /// `withUnsafeBytes` for a body that throws `CryptoError`.
    func withBytes<R>(_ body: (UnsafeRawBufferPointer) throws(CryptoError) -> R)
        throws(CryptoError) -> R
    {
        try withUnsafeBytes { raw in
            Result { () throws(CryptoError) in try body(raw) }
        }.get()
    }
}

extension String {
    /// The string's UTF-8 bytes as raw memory, for a body that throws `CryptoError`.
    func withUTF8Bytes<R>(_ body: (UnsafeRawBufferPointer) throws(CryptoError) -> R)
        throws(CryptoError) -> R
    {
        var copy = self
        return try copy.withUTF8 { utf8 in
            Result { () throws(CryptoError) in try body(UnsafeRawBufferPointer(utf8)) }
        }.get()
    }
}
