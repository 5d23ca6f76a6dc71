import AuthLabCrypto
import Testing

@testable import AuthLabJOSE

@Suite("JWSAlgorithm")
struct JWSAlgorithmTests {
    @Test("the table has exactly the seven supported algorithms and no none")
    func table() {
        #expect(
            JWSAlgorithm.allCases.map(\.rawValue)
                == ["HS256", "HS384", "HS512", "RS256", "PS256", "ES256", "EdDSA"])
        for casing in ["none", "None", "NONE", "nOnE"] {
            #expect(JWSAlgorithm(headerValue: casing) == nil)
        }
    }

    @Test("header values match exactly, case-sensitively")
    func exactMatch() {
        #expect(JWSAlgorithm(headerValue: "HS256") == .hs256)
        #expect(JWSAlgorithm(headerValue: "EdDSA") == .edDSA)
        for value in ["hs256", "HS256 ", " HS256", "ES512", "RS384", "eddsa", "Ed25519", ""] {
            #expect(JWSAlgorithm(headerValue: value) == nil, "\(value)")
        }
    }

    @Test("each row carries the key type, curve, hash and minimum size")
    func rows() {
        #expect(JWSAlgorithm.hs256.properties.minimumKeyBytes == 32)
        #expect(JWSAlgorithm.hs384.properties.minimumKeyBytes == 48)
        #expect(JWSAlgorithm.hs512.properties.minimumKeyBytes == 64)
        #expect(JWSAlgorithm.rs256.properties.minimumKeyBytes == 256)
        #expect(JWSAlgorithm.es256.properties.curve == "P-256")
        #expect(JWSAlgorithm.edDSA.properties.keyType == "OKP")
        #expect(JWSAlgorithm.ps256.keyKind == .rsa)
        #expect(JWSAlgorithm.hs512.keyKind == nil)
        #expect(JWSAlgorithm.allCases.filter(\.isSymmetric) == [.hs256, .hs384, .hs512])
    }
}
