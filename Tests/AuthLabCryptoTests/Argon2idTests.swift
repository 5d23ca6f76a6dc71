import AuthLabCrypto
import Testing

/// Encoded outputs from libargon2's own `src/test.c` (argon2id, version 0x13, salt "somesalt").
private let libargon2Vectors: [(password: String, phc: String)] = [
    (
        "password",
        "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc"
    ),
    (
        "password",
        "$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4"
    ),
    (
        "password",
        "$argon2id$v=19$m=256,t=2,p=2$c29tZXNhbHQ$bQk8UB/VmZZF4Oo79iDXuL5/0ttZwg2f/5U52iv1cDc"
    ),
    (
        "password",
        "$argon2id$v=19$m=65536,t=1,p=1$c29tZXNhbHQ$9qWtwbpyPd3vm1rB1GThgPzZ3/ydHL92zKL+15XZypg"
    ),
    (
        "differentpassword",
        "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$C4TWUs9rDEvq7w3+J4umqA32aWKB1+DSiRuBfYxFj94"
    ),
]

@Suite("Argon2id")
struct Argon2idTests {
    @Test("libargon2's test.c argon2id vectors verify, and only with their own password")
    func libargon2() throws {
        for (password, phc) in libargon2Vectors {
            #expect(try Argon2id.verify(password: Array(password.utf8), phc: phc))
            #expect(try !Argon2id.verify(password: Array((password + "x").utf8), phc: phc))
            #expect(try PHCString(parsing: phc).description == phc)
        }
        let raw = try Argon2id.derive(
            password: Array("password".utf8), salt: Array("somesalt".utf8),
            parameters: Argon2Parameters(memoryKiB: 65536, iterations: 2, parallelism: 1),
            length: 32)
        #expect(
            hexString(raw) == "09316115d5cf24ed5a15a31a3ba326e5cf32edc24702987c02b6566f61913cf7")
    }

    @Test("RFC 9106 §5.3 Argon2id test vector (with secret and associated data)")
    func rfc9106() throws {
        let tag = try Argon2id.derive(
            password: [UInt8](repeating: 0x01, count: 32),
            salt: [UInt8](repeating: 0x02, count: 16),
            parameters: Argon2Parameters(memoryKiB: 32, iterations: 3, parallelism: 4), length: 32,
            secret: [UInt8](repeating: 0x03, count: 8),
            associatedData: [UInt8](repeating: 0x04, count: 12))
        #expect(
            hexString(tag) == "0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659")
    }

    @Test("hash gives a canonical OWASP-default PHC string that verifies; salts differ")
    func hashAndVerify() throws {
        let password = Array("correct horse battery staple".utf8)
        let cheap = Argon2Parameters(memoryKiB: 1024, iterations: 1)
        let phc = try Argon2id.hash(password: password, parameters: cheap)
        #expect(phc.hasPrefix("$argon2id$v=19$m=1024,t=1,p=1$"))
        let parsed = try PHCString(parsing: phc)
        #expect(parsed.salt.count == 16 && parsed.hash.count == 32)
        #expect(parsed.parameters == cheap)
        #expect(parsed.description == phc)
        #expect(try Argon2id.verify(password: password, phc: phc))
        #expect(
            try !Argon2id.verify(password: Array("Correct horse battery staple".utf8), phc: phc))
        #expect(try !Argon2id.verify(password: [], phc: phc))
        #expect(try Argon2id.hash(password: password, parameters: cheap) != phc)
        let owasp = try Argon2id.hash(password: password)
        #expect(owasp.hasPrefix("$argon2id$v=19$m=19456,t=2,p=1$"))
        #expect(try Argon2id.verify(password: password, phc: owasp))
    }

    @Test(
        "malformed PHC strings are rejected with invalid_phc",
        arguments: [
            "",
            "argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
            "$argon2i$v=19$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
            "$argon2d$v=19$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
            "$argon2id$v=16$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
            "$argon2id$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
            "$argon2id$v=19$m=0256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
            "$argon2id$v=19$m=-256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
            "$argon2id$v=19$m=+256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
            "$argon2id$v=19$m=,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
            "$argon2id$v=19$m=256,t=2$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
            "$argon2id$v=19$t=2,m=256,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
            "$argon2id$v=19$m=256,t=2,p=1,keyid=x$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bM",
            "$argon2id$v=19$m=4294967296,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
            "$argon2id$v=19$m=99999999999,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
            "$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ=$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
            "$argon2id$v=19$m=256,t=2,p=1$c29tZXNh bHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
            "$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR_uIPnA4rEsF5h7TKyQwu9U1bMCHGi-4",
            "$argon2id$v=19$m=256,t=2,p=1$$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
            "$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ$",
            "$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4$",
            "$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ$" + String(repeating: "A", count: 600),
        ])
    func malformed(_ phc: String) {
        #expect { try Argon2id.verify(password: [], phc: phc) } throws: {
            ($0 as? CryptoError)?.code == "invalid_phc"
        }
    }

    @Test(
        "hostile parameters are refused before any work (m=2^31, huge t or p, tiny salt)",
        arguments: [
            "$argon2id$v=19$m=2147483648,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
            "$argon2id$v=19$m=4294967295,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
            "$argon2id$v=19$m=256,t=4294967295,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
            "$argon2id$v=19$m=256,t=0,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
            "$argon2id$v=19$m=65536,t=2,p=255$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
            "$argon2id$v=19$m=8,t=2,p=2$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
            "$argon2id$v=19$m=256,t=2,p=1$c29t$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
            "$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgL",
        ])
    func hostile(_ phc: String) {
        #expect { try Argon2id.verify(password: [], phc: phc) } throws: {
            ($0 as? CryptoError)?.code == "unsafe_parameters"
        }
    }

    @Test("hash refuses parameters outside the limits")
    func hashLimits() {
        #expect {
            try Argon2id.hash(password: [], parameters: Argon2Parameters(memoryKiB: 1 << 31))
        } throws: { ($0 as? CryptoError)?.code == "unsafe_parameters" }
        #expect {
            try Argon2id.hash(password: [], parameters: Argon2Parameters(saltLength: 4))
        } throws: { ($0 as? CryptoError)?.code == "unsafe_parameters" }
    }
}
