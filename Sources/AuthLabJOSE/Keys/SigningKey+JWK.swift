internal import AuthLabCrypto
public import AuthLabJSON

extension SigningKey {
    /// The key as a JWK with its private members (`k` for HMAC, `d`… otherwise), plus `kid`,
    /// `alg` and `use`. For a verify-only key this is the public JWK.
    public func privateJWK() -> JSONValue {
        .object(jwk(includePrivate: true))
    }

    /// The public JWK (no private members), nil for HMAC keys.
    public func publicJWK() -> JSONValue? {
        if case .secret = material { return nil }
        return .object(jwk(includePrivate: false))
    }

    /// The RFC 7638 JWK thumbprint: base64url SHA-256 of the required members, sorted.
    public func thumbprint() -> String {
        members.thumbprint()
    }

    private func jwk(includePrivate: Bool) -> JSONObject {
        var object = JSONObject()
        for (name, value) in members.required {
            object[name] = .string(value)
        }
        object["kid"] = .string(kid)
        object["alg"] = .string(algorithm.rawValue)
        object["use"] = "sig"
        if includePrivate {
            for (name, value) in members.privateMembers {
                object[name] = .string(value)
            }
        }
        return object
    }
}

/// Compact JSON bytes of an object (one place, so thumbprints and headers agree).
enum CompactJSON {
    static func of(_ object: JSONObject) -> [UInt8] {
        var bytes: [UInt8] = []
        JSONWriter.write(object, into: &bytes)
        return bytes
    }
}

/// The JWK members of a key's material, base64url-encoded, read once when the key is loaded.
struct JWKMembers: Sendable {
    /// The RFC 7638 required members, in the usual JWK order (`kty` first).
    let required: [(String, String)]
    /// Private members; empty for HMAC (its `k` is already required) and public keys.
    let privateMembers: [(String, String)]

    init(_ material: SigningKey.Material) throws(JOSEError) {
        do {
            switch material {
            case .secret(let secret, _):
                required = [("kty", "oct"), ("k", Base64URL.encode(secret))]
                privateMembers = []
            case .privateKey(let key, let publicKey):
                required = try Self.publicMembers(publicKey)
                privateMembers = try Self.privateMembers(key)
            case .publicKey(let key):
                required = try Self.publicMembers(key)
                privateMembers = []
            }
        } catch {
            throw JOSEError(.invalidKey, "the key's parameters could not be read")
        }
    }

    /// The RFC 7638 thumbprint of `required`.
    func thumbprint() -> String {
        var object = JSONObject()
        for (name, value) in required.sorted(by: { $0.0 < $1.0 }) {
            object[name] = .string(value)
        }
        return Base64URL.encode(Digest.hash(.sha256, CompactJSON.of(object)))
    }

    private static func publicMembers(_ key: PublicKey) throws(CryptoError) -> [(String, String)] {
        switch key.kind {
        case .rsa:
            let (n, e) = try key.rsaPublicComponents
            return [("kty", "RSA"), ("n", uint(n)), ("e", uint(e))]
        case .ecP256:
            let (x, y) = try key.ecPublicCoordinates
            return [
                ("kty", "EC"), ("crv", "P-256"), ("x", Base64URL.encode(x)),
                ("y", Base64URL.encode(y)),
            ]
        case .ed25519:
            return [
                ("kty", "OKP"), ("crv", "Ed25519"),
                ("x", Base64URL.encode(try key.ed25519PublicRaw)),
            ]
        }
    }

    private static func privateMembers(_ key: PrivateKey) throws(CryptoError) -> [(String, String)]
    {
        switch key.kind {
        case .rsa:
            let parts = try key.rsaPrivateComponents
            return [
                ("d", uint(parts.d)), ("p", uint(parts.p)), ("q", uint(parts.q)),
                ("dp", uint(parts.dp)), ("dq", uint(parts.dq)), ("qi", uint(parts.qi)),
            ]
        case .ecP256:
            return [("d", Base64URL.encode(try key.ecPrivateScalar))]
        case .ed25519:
            return [("d", Base64URL.encode(try key.ed25519Seed))]
        }
    }

    /// Base64urlUInt (RFC 7518 §2): big-endian, no leading zero octets.
    private static func uint(_ bytes: [UInt8]) -> String {
        let trimmed = bytes.drop { $0 == 0 }
        return Base64URL.encode(trimmed.isEmpty ? [0] : Array(trimmed))
    }
}
