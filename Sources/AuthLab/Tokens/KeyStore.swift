import AuthLabJOSE
import AuthLabJSON
import AuthLabSQLite

/// Where the JWT signing keys come from: a key file, or keys the server generated
/// once and keeps in the database so that tokens survive a restart.
enum KeyStore {
    /// Loads the key ring named by the configuration.
    ///
    /// With a key file: a JWK Set of private keys (the first signs), or a PEM private
    /// key used with `--jwt-alg`. Without one: the keys stored in the database; when
    /// none is stored, or the newest is not of `--jwt-alg`, a new key is generated,
    /// stored and put first (older keys keep verifying: rotation).
    static func load(config: AppConfig, database: Database) throws -> KeyRing {
        if let path = config.jwtKeyFile {
            return try KeyFile.load(path: path, algorithm: config.jwtAlgorithm)
        }
        return try database.write { conn in
            var keys: [SigningKey] = []
            for row in try conn.query(
                "SELECT jwk FROM signing_keys ORDER BY created_at DESC, kid", [])
            {
                guard let text = row.string(0) else { continue }
                keys.append(try SigningKey(jwk: try JSONParser.parse(text)))
            }
            if keys.first?.algorithm != config.jwtAlgorithm {
                let key = try SigningKey.generate(config.jwtAlgorithm)
                try conn.execute(
                    "INSERT INTO signing_keys (kid, jwk, created_at) VALUES (?, ?, ?)",
                    [
                        .text(key.kid), .text(JSONWriter.string(key.privateJWK())),
                        .integer(Monotonic.unixSeconds()),
                    ])
                keys.insert(key, at: 0)
            }
            return try KeyRing(keys)
        }
    }
}
