import AuthLabCrypto
import Foundation
import Testing

/// The directory shared with `scripts/test.d/20-crypto-interop.sh`, when that stage runs us.
private let interopDirectory = ProcessInfo.processInfo.environment["AUTHLAB_INTEROP_DIR"]

/// The JWS names used in the interop files, and the scheme each stands for.
private let interopSchemes: [(String, SignatureScheme, KeyKind)] = [
    ("RS256", .rsaPKCS1v15(.sha256), .rsa), ("RS512", .rsaPKCS1v15(.sha512), .rsa),
    ("PS256", .rsaPSS(.sha256), .rsa), ("PS384", .rsaPSS(.sha384), .rsa),
    ("ES256", .ecdsaP256SHA256, .ecP256), ("EdDSA", .ed25519, .ed25519),
]

/// Cross-checks with Python (argon2-cffi, cryptography). Does nothing unless
/// `AUTHLAB_INTEROP_DIR` is set; then every expected input file must be there.
@Suite("Interop with Python", .enabled(if: interopDirectory != nil))
struct InteropTests {
    @Test("argon2-cffi hashes verify here; hashes made here are written for argon2-cffi")
    func argon2() throws {
        let directory = try #require(interopDirectory)
        let lines = try rows(directory, "python-argon2.tsv", columns: 2)
        #expect(lines.count >= 3)
        for line in lines {
            let password = hex(line[0])
            #expect(try Argon2id.verify(password: password, phc: line[1]))
            #expect(try !Argon2id.verify(password: password + [0x21], phc: line[1]))
        }
        let made: [(String, Argon2Parameters)] = [
            ("hunter2hunter2", Argon2Parameters()),
            ("pässwörd ✓ 🔑", Argon2Parameters(memoryKiB: 8192, iterations: 3, parallelism: 2)),
            ("", Argon2Parameters(memoryKiB: 1024, iterations: 1, parallelism: 1, hashLength: 16)),
        ]
        let output = try made.map { password, parameters in
            let bytes = Array(password.utf8)
            return
                "\(hexString(bytes))\t\(try Argon2id.hash(password: bytes, parameters: parameters))"
        }
        try write(output, directory, "swift-argon2.tsv")
    }

    @Test("cryptography's signatures verify here; signatures made here are written for it")
    func signatures() throws {
        let directory = try #require(interopDirectory)
        let lines = try rows(directory, "python-signatures.tsv", columns: 4)
        #expect(Set(lines.map { $0[0] }) == Set(interopSchemes.map { $0.0 }))
        for line in lines {
            let scheme = try #require(interopSchemes.first { $0.0 == line[0] }?.1)
            let pem = String(decoding: try Base64URL.decode(line[1]), as: UTF8.self)
            let key = try PublicKey(pem: pem)
            let message = hex(line[2])
            let signature = try Base64URL.decode(line[3])
            #expect(key.verify(scheme, signature: signature, message: message), "\(line[0])")
            #expect(!key.verify(scheme, signature: signature, message: message + [0]), "\(line[0])")
        }
        var output: [String] = []
        for (name, scheme, kind) in interopSchemes {
            let key = try PrivateKey.generate(kind)
            let message = try SecureRandom.bytes(300)
            let signature = try key.sign(scheme, message: message)
            let pem = Base64URL.encode(Array(try key.publicKey.pem().utf8))
            output.append("\(name)\t\(pem)\t\(hexString(message))\t\(Base64URL.encode(signature))")
        }
        try write(output, directory, "swift-signatures.tsv")
    }
}

/// The tab-separated rows of a file the Python side wrote; a missing file is a failure.
private func rows(_ directory: String, _ name: String, columns: Int) throws -> [[String]] {
    let text = try String(contentsOfFile: directory + "/" + name, encoding: .utf8)
    let lines = text.split(separator: "\n").map { $0.split(separator: "\t").map(String.init) }
    try #require(lines.allSatisfy { $0.count == columns }, "\(name): \(columns) columns per row")
    return lines
}

private func write(_ lines: [String], _ directory: String, _ name: String) throws {
    try (lines.joined(separator: "\n") + "\n").write(
        toFile: directory + "/" + name, atomically: true, encoding: .utf8)
}
