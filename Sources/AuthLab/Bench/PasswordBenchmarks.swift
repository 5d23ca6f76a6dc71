import AuthLabCrypto

/// Argon2id with the server's parameters (OWASP defaults unless told otherwise), through
/// the server's own `PasswordService`, next to a bare libargon2 derivation.
enum PasswordBenchmarks {
    static func run(parameters: Argon2Parameters, timer: BenchTimer) throws -> [BenchResult] {
        let passwords = try PasswordService(parameters: parameters, metrics: AppMetrics())
        var timing = RequestTiming()
        let phc = try passwords.hash("correct horse battery", timing: &timing)
        let salt = try SecureRandom.bytes(parameters.saltLength)
        var sink = 0
        let verify = try timer.measure {
            var timing = RequestTiming()
            sink &+=
                try passwords.verify("correct horse battery", phc: phc, timing: &timing) ? 1 : 0
        }
        let hash = try timer.measure {
            var timing = RequestTiming()
            sink &+= try passwords.hash("correct horse battery", timing: &timing).utf8.count
        }
        let raw = try timer.measure {
            sink &+= try Argon2id.derive(
                password: Array("correct horse battery".utf8), salt: salt, parameters: parameters,
                length: parameters.hashLength
            ).count
        }
        if sink == 42 { print("", terminator: "") }  // keeps `sink` observable
        let label =
            "m=\(parameters.memoryKiB),t=\(parameters.iterations),p=\(parameters.parallelism)"
        return [
            BenchResult(
                operation: "password verify, login (\(label))", group: "password", timing: verify,
                raw: ("Argon2id.derive", raw)),
            BenchResult(
                operation: "password hash, register (\(label))", group: "password", timing: hash,
                raw: ("Argon2id.derive", raw)),
        ]
    }
}
