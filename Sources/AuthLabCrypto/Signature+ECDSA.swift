internal import COpenSSL

/// Conversion between ECDSA P-256 signatures as DER (OpenSSL) and raw `r || s` (JWS).
public enum ECDSASignature {
    /// The byte length of each of `r` and `s` on P-256.
    public static let componentLength = 32

    /// DER `ECDSA-Sig-Value` for a raw 64-byte `r || s`, or nil when the input is not
    /// exactly 64 bytes or `r` or `s` is zero (the CVE-2022-21449 "psychic signature").
    public static func der(fromRaw raw: [UInt8]) -> [UInt8]? {
        guard raw.count == 2 * componentLength else { return nil }
        let r = raw[..<componentLength]
        let s = raw[componentLength...]
        guard r.contains(where: { $0 != 0 }), s.contains(where: { $0 != 0 }) else { return nil }
        guard let signature = ECDSA_SIG_new() else { return nil }
        defer { ECDSA_SIG_free(signature) }
        let length = Int32(componentLength)
        guard
            let rNumber = Array(r).withUnsafeBufferPointer({
                BN_bin2bn($0.baseAddress, length, nil)
            })
        else { return nil }
        guard
            let sNumber = Array(s).withUnsafeBufferPointer({
                BN_bin2bn($0.baseAddress, length, nil)
            })
        else {
            BN_free(rNumber)
            return nil
        }
        guard ECDSA_SIG_set0(signature, rNumber, sNumber) == 1 else {
            BN_free(rNumber)
            BN_free(sNumber)
            return nil
        }
        var der: UnsafeMutablePointer<UInt8>?
        let derLength = i2d_ECDSA_SIG(signature, &der)
        guard derLength > 0, let der else {
            clearOpenSSLErrors()
            return nil
        }
        defer { COpenSSL_free(der) }
        return Array(UnsafeBufferPointer(start: der, count: Int(derLength)))
    }

    /// Raw 64-byte `r || s` (each left-padded to 32 bytes) from a DER `ECDSA-Sig-Value`.
    public static func raw(fromDER der: [UInt8]) throws(CryptoError) -> [UInt8] {
        let parsed: OpaquePointer? = der.withUnsafeBufferPointer { buffer in
            var cursor = buffer.baseAddress
            return d2i_ECDSA_SIG(nil, &cursor, buffer.count)
        }
        guard let parsed else {
            clearOpenSSLErrors()
            throw .invalidEncoding
        }
        defer { ECDSA_SIG_free(parsed) }
        guard let r = ECDSA_SIG_get0_r(parsed), let s = ECDSA_SIG_get0_s(parsed) else {
            throw .invalidEncoding
        }
        var raw = [UInt8](repeating: 0, count: 2 * componentLength)
        let length = Int32(componentLength)
        let written = raw.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return false }
            return BN_bn2binpad(r, base, length) == length
                && BN_bn2binpad(s, base + componentLength, length) == length
        }
        guard written else {
            clearOpenSSLErrors()
            throw .invalidEncoding
        }
        return raw
    }
}
