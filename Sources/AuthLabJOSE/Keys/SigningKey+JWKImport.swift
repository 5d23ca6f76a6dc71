internal import AuthLabCrypto
public import AuthLabJSON

extension SigningKey {
    /// Imports one JWK (RFC 7517) of kty `oct`, `RSA`, `EC` (P-256) or `OKP` (Ed25519).
    ///
    /// `alg` is required: the key file decides the algorithm. A key whose material does not fit
    /// its `alg` (say `ES256` on an RSA key) is refused. `kid` defaults to the RFC 7638
    /// thumbprint. Keys with private members can sign; public ones only verify.
    public init(jwk: JSONValue) throws(JOSEError) {
        guard case .object(let object) = jwk else {
            throw JOSEError(.invalidKey, "a JWK must be a JSON object")
        }
        let reader = JWKReader(object: object)
        let kty = try reader.string("kty")
        guard let algName = try reader.optionalString("alg") else {
            throw JOSEError(.invalidKey, "the JWK has no alg; authlab needs each key bound to one")
        }
        guard let algorithm = JWSAlgorithm(headerValue: algName) else {
            throw JOSEError(.invalidKey, "the JWK's alg is not one authlab supports")
        }
        guard kty == algorithm.properties.keyType else {
            throw JOSEError(
                .invalidKey,
                "the JWK's alg \(algorithm.rawValue) needs kty \(algorithm.properties.keyType)")
        }
        if let use = try reader.optionalString("use"), use != "sig" {
            throw JOSEError(.invalidKey, "the JWK's use is not sig")
        }
        let kid = try reader.optionalString("kid")
        switch algorithm.family {
        case .hmac:
            try self.init(secret: try reader.bytes("k"), algorithm: algorithm, kid: kid)
        case .rsaPKCS1, .rsaPSS, .ecdsa, .eddsa:
            if let curve = algorithm.properties.curve, try reader.string("crv") != curve {
                throw JOSEError(
                    .invalidKey, "the JWK's crv must be \(curve) for \(algorithm.rawValue)")
            }
            if object.contains("d") {
                let key = try Self.privateKey(reader, algorithm: algorithm)
                try self.init(privateKey: key, algorithm: algorithm, kid: kid)
            } else {
                let key = try Self.publicKey(reader, algorithm: algorithm)
                try self.init(publicKey: key, algorithm: algorithm, kid: kid)
            }
        }
    }

    private static func publicKey(_ jwk: JWKReader, algorithm: JWSAlgorithm) throws(JOSEError)
        -> PublicKey
    {
        do {
            switch algorithm.family {
            case .ecdsa:
                return try PublicKey.ecP256(x: try jwk.bytes("x"), y: try jwk.bytes("y"))
            case .eddsa:
                return try PublicKey.ed25519(try jwk.bytes("x"))
            case .hmac, .rsaPKCS1, .rsaPSS:
                return try PublicKey.rsa(n: try jwk.bytes("n"), e: try jwk.bytes("e"))
            }
        } catch let error as JOSEError {
            throw error
        } catch {
            throw JOSEError(.invalidKey, "the JWK's public key is not valid")
        }
    }

    private static func privateKey(_ jwk: JWKReader, algorithm: JWSAlgorithm) throws(JOSEError)
        -> PrivateKey
    {
        do {
            switch algorithm.family {
            case .ecdsa:
                return try PrivateKey.ecP256(
                    x: try jwk.bytes("x"), y: try jwk.bytes("y"), d: try jwk.bytes("d"))
            case .eddsa:
                let key = try PrivateKey.ed25519(seed: try jwk.bytes("d"))
                guard try key.publicKey.ed25519PublicRaw == (try jwk.bytes("x")) else {
                    throw JOSEError(.invalidKey, "the JWK's x does not match its d")
                }
                return key
            case .hmac, .rsaPKCS1, .rsaPSS:
                return try PrivateKey.rsa(
                    n: try jwk.bytes("n"), e: try jwk.bytes("e"), d: try jwk.bytes("d"),
                    p: try jwk.optionalBytes("p"), q: try jwk.optionalBytes("q"),
                    dp: try jwk.optionalBytes("dp"), dq: try jwk.optionalBytes("dq"),
                    qi: try jwk.optionalBytes("qi"))
            }
        } catch let error as JOSEError {
            throw error
        } catch {
            throw JOSEError(.invalidKey, "the JWK's private key is not valid")
        }
    }
}

/// Typed access to JWK members, with errors that name the member but never its value.
struct JWKReader {
    let object: JSONObject

    func optionalString(_ name: String) throws(JOSEError) -> String? {
        guard let value = object[name] else { return nil }
        guard case .string(let text) = value else {
            throw JOSEError(.invalidKey, "the JWK member \(name) is not a string")
        }
        return text
    }

    func string(_ name: String) throws(JOSEError) -> String {
        guard let text = try optionalString(name) else {
            throw JOSEError(.invalidKey, "the JWK has no \(name)")
        }
        return text
    }

    func optionalBytes(_ name: String) throws(JOSEError) -> [UInt8]? {
        guard let text = try optionalString(name) else { return nil }
        do {
            return try Base64URL.decode(text)
        } catch {
            throw JOSEError(.invalidKey, "the JWK member \(name) is not base64url")
        }
    }

    func bytes(_ name: String) throws(JOSEError) -> [UInt8] {
        guard let bytes = try optionalBytes(name) else {
            throw JOSEError(.invalidKey, "the JWK has no \(name)")
        }
        return bytes
    }
}
