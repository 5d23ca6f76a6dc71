import AuthLabCrypto
import AuthLabJOSE
import FuzzSupport

/// Any bytes as PEM text, through every loader. Loading must never crash (nor prompt for a
/// passphrase), a key that loads must export and reload to the same key, and
/// `SigningKey(pem:algorithm:)` must accept exactly the keys whose kind fits the algorithm.
@main
enum FuzzPEM {
    static func main() {
        FuzzDriver.run { data, size in
            FuzzPEM.test(FuzzDriver.buffer(data, size))
            return 0
        }
    }

    static func test(_ input: UnsafeRawBufferPointer) {
        let pem = String(decoding: input, as: UTF8.self)
        let privateKey = try? PrivateKey(pem: pem)
        if let privateKey {
            let exported = try? privateKey.pemPKCS8()
            let reloaded = firstSuccess { exported.flatMap { try? PrivateKey(pem: $0) } }
            invariant(reloaded?.kind == privateKey.kind, "the PKCS#8 export does not reload")
            invariant(reloaded?.publicKey == privateKey.publicKey, "the reloaded key differs")
            checkPublic(privateKey.publicKey)
        }
        let publicKey = try? PublicKey(pem: pem)
        if let publicKey {
            checkPublic(publicKey)
        }
        invariant((try? SigningKey(pem: pem, algorithm: .hs256)) == nil, "HMAC key from PEM")
        // OpenSSL 3.0's decoders take about a millisecond a call: try the algorithms that
        // fit the key (and one that does not) rather than all of them.
        let kind = pem.contains("PRIVATE KEY-----") ? privateKey?.kind : publicKey?.kind
        for algorithm in JWSAlgorithm.allCases where algorithm.keyKind != nil {
            let fits = kind != nil && algorithm.keyKind == kind
            guard fits || algorithm == (kind == .ecP256 ? .edDSA : .es256) else { continue }
            let key = firstSuccess { try? SigningKey(pem: pem, algorithm: algorithm) }
            let flaky = key == nil && RandomizedCheck.refusesSometimes([publicKey])
            invariant((key != nil) == fits || flaky, "\(algorithm.rawValue) load: \(key != nil)")
            guard let key else { continue }
            invariant(key.algorithm == algorithm, "the key is bound to another algorithm")
            invariant(key.canSign == pem.contains("PRIVATE KEY-----"), "signing ability")
            let fromJWK = firstSuccess { try? SigningKey(jwk: key.privateJWK()) }
            invariant(
                fromJWK.map { $0.thumbprint() == key.thumbprint() }
                    ?? RandomizedCheck.refusesSometimes([key.publicKey]),
                "PEM and JWK keys differ")
            invariant(key.kid == key.thumbprint(), "the default kid is not the thumbprint")
        }
    }

    static func checkPublic(_ key: PublicKey) {
        let exported = try? key.pem()
        let reloaded = firstSuccess { exported.flatMap { try? PublicKey(pem: $0) } }
        invariant(
            reloaded.map { $0 == key } ?? RandomizedCheck.refusesSometimes([key]),
            "the public PEM export does not reload to the same key")
    }
}
