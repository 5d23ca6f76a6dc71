public import AuthLabJOSE
import Foundation

/// Reads a key file: a JWK Set of private keys (RFC 7517; the first signs, all verify)
/// or one PEM private key, used with the given algorithm.
public enum KeyFile {
    /// The key ring in the file at `path`; errors name the problem, never the key.
    public static func load(path: String, algorithm: JWSAlgorithm) throws -> KeyRing {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigError("cannot read the key file '\(path)' (missing or unreadable)")
        }
        let bytes = [UInt8](data)
        do {
            if bytes.starts(with: Array("-----BEGIN".utf8)) {
                let pem = String(decoding: bytes, as: UTF8.self)
                return try KeyRing([SigningKey(pem: pem, algorithm: algorithm, kid: nil)])
            }
            return try KeyRing(jwkSetJSON: bytes)
        } catch {
            throw ConfigError("the key file '\(path)' is not usable: \(error.description)")
        }
    }
}
