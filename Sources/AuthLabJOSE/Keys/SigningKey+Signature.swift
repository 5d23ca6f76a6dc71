internal import AuthLabCrypto

extension SigningKey {
    /// Signs `message` with this key's algorithm. Verify-only keys throw `invalid_key`.
    func sign(_ message: UnsafeRawBufferPointer) throws(JOSEError) -> [UInt8] {
        switch material {
        case .secret(_, let key):
            return key.authenticate(message)
        case .privateKey(let key, _):
            guard let scheme = algorithm.signatureScheme else {
                throw JOSEError(.invalidKey)
            }
            do {
                return try key.sign(scheme, message: message)
            } catch {
                throw JOSEError(.invalidKey, "signing failed")
            }
        case .publicKey:
            throw JOSEError(.invalidKey, "this key can only verify; it has no private part")
        }
    }

    /// Checks `signature` over `message` in constant time (HMAC) or with the public key.
    func isValidSignature(_ signature: [UInt8], for message: UnsafeRawBufferPointer) -> Bool {
        switch material {
        case .secret(_, let key):
            return key.isValid(tag: signature, for: message)
        case .privateKey(_, let key), .publicKey(let key):
            guard let scheme = algorithm.signatureScheme else { return false }
            return key.verify(scheme, signature: signature, message: message)
        }
    }
}
