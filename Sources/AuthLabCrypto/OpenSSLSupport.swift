internal import COpenSSL

/// The largest PEM document read (a 16384-bit RSA key in PEM is about 13 KB).
let maximumPEMBytes = 1 << 20

/// Runs `body` with a read-only memory BIO over `bytes`.
func withReadBIO<R>(
    _ bytes: UnsafeRawBufferPointer, _ body: (OpaquePointer) throws(CryptoError) -> R
)
    throws(CryptoError) -> R
{
    guard bytes.count <= maximumPEMBytes, let length = Int32(exactly: bytes.count) else {
        throw .invalidEncoding
    }
    guard let bio = BIO_new_mem_buf(bytes.baseAddress ?? emptyInput, length) else {
        throw opensslError("BIO_new_mem_buf")
    }
    defer { BIO_free(bio) }
    return try body(bio)
}

/// Runs `write` against a fresh memory BIO and returns what it wrote, as text.
func writeToString(_ function: String, _ write: (OpaquePointer) -> Int32) throws(CryptoError)
    -> String
{
    guard let bio = BIO_new(BIO_s_mem()) else { throw opensslError("BIO_new") }
    defer { BIO_free(bio) }
    try check(write(bio), function)
    var data: UnsafeMutablePointer<CChar>?
    let length = COpenSSL_BIO_get_mem_data(bio, &data)
    guard let data, length > 0 else { throw opensslError(function) }
    let buffer = UnsafeRawBufferPointer(start: data, count: Int(length))
    return String(decoding: buffer, as: UTF8.self)
}

/// A `BIGNUM` parameter of a key as big-endian bytes: minimal, or left-padded to `padded`.
func bigNumberParameter(_ pkey: OpaquePointer, _ name: String, padded: Int? = nil)
    throws(CryptoError) -> [UInt8]
{
    var number: OpaquePointer?
    guard EVP_PKEY_get_bn_param(pkey, name, &number) == 1, let number else {
        throw opensslError("EVP_PKEY_get_bn_param")
    }
    defer { BN_clear_free(number) }
    let minimal = (Int(BN_num_bits(number)) + 7) / 8
    let length = padded ?? minimal
    guard minimal <= length else { throw .invalidKey("a key component is too large") }
    guard length > 0 else { return [] }  // never write the stdlib's shared empty array (TSan)
    return [UInt8](unsafeUninitializedCapacity: length) { buffer, initialized in
        let written = BN_bn2binpad(number, buffer.baseAddress, Int32(length))
        initialized = written == Int32(length) ? length : 0
    }
}

/// Assembles an `OSSL_PARAM` array for `EVP_PKEY_fromdata`, freeing everything it made.
///
/// `OSSL_PARAM_BLD` keeps the *pointers* it is given (names, strings, octets, numbers)
/// until `to_param`, and the resulting array points at the names; so every one of
/// them is copied here and lives as long as the builder.
final class KeyParameterBuilder {
    private let builder: OpaquePointer
    private var numbers: [OpaquePointer] = []
    private var buffers: [UnsafeMutableRawBufferPointer] = []

    init() throws(CryptoError) {
        guard let builder = OSSL_PARAM_BLD_new() else { throw opensslError("OSSL_PARAM_BLD_new") }
        self.builder = builder
    }

    deinit {
        for number in numbers { BN_clear_free(number) }
        for buffer in buffers {
            if let base = buffer.baseAddress { OPENSSL_cleanse(base, buffer.count) }
            buffer.deallocate()
        }
        OSSL_PARAM_BLD_free(builder)
    }

    /// A copy of `bytes` (plus a terminating NUL) owned by the builder.
    private func retain(_ bytes: some Collection<UInt8>) -> UnsafeMutablePointer<CChar> {
        let buffer = UnsafeMutableRawBufferPointer.allocate(
            byteCount: bytes.count + 1, alignment: 1)
        buffer.copyBytes(from: bytes)
        buffer[bytes.count] = 0
        buffers.append(buffer)
        guard let base = buffer.bindMemory(to: CChar.self).baseAddress else {
            preconditionFailure("a non-empty allocation has an address")
        }
        return base
    }

    /// Adds a big-endian unsigned integer parameter.
    func addNumber(_ name: String, _ bytes: [UInt8]) throws(CryptoError) {
        guard let length = Int32(exactly: bytes.count) else { throw .invalidKey("too large") }
        guard let number = BN_bin2bn(bytes, length, nil) else { throw opensslError("BN_bin2bn") }
        numbers.append(number)
        try check(
            OSSL_PARAM_BLD_push_BN(builder, retain(name.utf8), number), "OSSL_PARAM_BLD_push_BN")
    }

    /// Adds a UTF-8 string parameter.
    func addString(_ name: String, _ value: String) throws(CryptoError) {
        try check(
            OSSL_PARAM_BLD_push_utf8_string(builder, retain(name.utf8), retain(value.utf8), 0),
            "OSSL_PARAM_BLD_push_utf8_string")
    }

    /// Adds an octet-string parameter.
    func addOctets(_ name: String, _ bytes: [UInt8]) throws(CryptoError) {
        try check(
            OSSL_PARAM_BLD_push_octet_string(
                builder, retain(name.utf8), retain(bytes), bytes.count),
            "OSSL_PARAM_BLD_push_octet_string")
    }

    /// Builds an `EVP_PKEY` of `type` ("RSA", "EC") from the parameters.
    func makeKey(_ type: String, includesPrivate: Bool) throws(CryptoError) -> OpaquePointer {
        guard let params = OSSL_PARAM_BLD_to_param(builder) else {
            throw opensslError("OSSL_PARAM_BLD_to_param")
        }
        defer { OSSL_PARAM_free(params) }  // 3.0 has no OSSL_PARAM_clear_free
        guard let context = EVP_PKEY_CTX_new_from_name(nil, type, nil) else {
            throw opensslError("EVP_PKEY_CTX_new_from_name")
        }
        defer { EVP_PKEY_CTX_free(context) }
        try check(EVP_PKEY_fromdata_init(context), "EVP_PKEY_fromdata_init")
        var pkey: OpaquePointer?
        let selection = includesPrivate ? COpenSSL_EVP_PKEY_KEYPAIR : COpenSSL_EVP_PKEY_PUBLIC_KEY
        guard EVP_PKEY_fromdata(context, &pkey, selection, params) == 1, let pkey else {
            throw opensslError("EVP_PKEY_fromdata")
        }
        return pkey
    }
}
