import AuthLabJOSE
import AuthLabJSON
import FuzzSupport

/// The properties every token must have, whatever its bytes.
enum TokenChecks {
    typealias Outcome = Result<VerifiedToken, JOSEError>

    static func check(token: [UInt8], verifier: TokenVerifier, signedBy key: SigningKey?) {
        let now = TokenKeys.now
        let outcome = verify(token, verifier, now)
        switch outcome {
        case .success(let verified):
            checkVerified(verified, token: token, verifier: verifier, signedBy: key)
        case .failure(let error):
            if let key, error.code == .badSignature {
                let jws = token.withUnsafeBytes { try? CompactJWS.parse($0) }
                let chosen = jws.flatMap { verifier.keyRing.key(kid: $0.header.kid) }
                invariant(chosen?.kid != key.kid, "a good signature by the chosen key was refused")
            }
        }
        guard let text = FuzzInput.utf8(token) else { return }
        let fromString = Outcome { () throws(JOSEError) in try verifier.verify(text, now: now) }
        invariant(same(outcome, fromString), "String and byte verification disagree")
        checkAnatomy(text, verifier: verifier, outcome: outcome)
    }

    /// A verified token verifies again to the same result, and says what its bytes say.
    private static func checkVerified(
        _ verified: VerifiedToken, token: [UInt8], verifier: TokenVerifier,
        signedBy key: SigningKey?
    ) {
        invariant(
            same(.success(verified), verify(token, verifier, TokenKeys.now)),
            "re-verification changed the result")
        if let key {
            invariant(verified.kid == key.kid, "a token signed by one key verified as another")
        }
        invariant(verifier.keyRing.key(kid: verified.kid) != nil, "verified by a foreign key")
        let jws = token.withUnsafeBytes { try? CompactJWS.parse($0) }
        invariant(jws?.header == verified.header, "the verified header differs from a parse")
        let claims = jws.flatMap { try? JSONParser.parse($0.payload, maxDepth: 16) }
        invariant(claims == .object(verified.claims.object), "the claims differ from the payload")
        invariant(verified.header.algorithm != nil, "verified with an alg outside the table")
    }

    /// The teaching view of a token agrees with the verifier and always makes valid JSON.
    private static func checkAnatomy(_ text: String, verifier: TokenVerifier, outcome: Outcome) {
        guard var anatomy = try? JWSAnatomy(token: text) else {
            invariant(!isSuccess(outcome), "a token the anatomy cannot split verified")
            return
        }
        anatomy.verify(with: verifier, now: TokenKeys.now)
        switch (anatomy.verification, outcome) {
        case (.some(let verdict), .success):
            invariant(verdict.valid && verdict.error == nil, "anatomy: invalid, verifier: valid")
        case (.some(let verdict), .failure(let error)):
            invariant(!verdict.valid && verdict.error == error, "anatomy and verifier disagree")
        case (.none, _):
            invariant(false, "the anatomy has no verdict after verify")
        }
        // The writer escapes a NUL byte as \u0000, valid JSON that our strict parser refuses
        // on purpose; any other refusal means the anatomy produced broken JSON.
        let hasNUL = anatomy.header.decoded.contains(0) || anatomy.payload.decoded.contains(0)
        do {
            _ = try JSONParser.parse(JSONWriter.serialize(anatomy.json()), maxDepth: 64)
        } catch {
            invariant(hasNUL && error.code == .controlCharacter, "anatomy JSON: \(error.code)")
        }
    }

    private static func verify(_ token: [UInt8], _ verifier: TokenVerifier, _ now: Int64)
        -> Outcome
    {
        token.withUnsafeBytes { bytes in
            Outcome { () throws(JOSEError) in try verifier.verify(bytes, now: now) }
        }
    }

    private static func isSuccess(_ outcome: Outcome) -> Bool {
        if case .success = outcome { return true }
        return false
    }

    private static func same(_ lhs: Outcome, _ rhs: Outcome) -> Bool {
        switch (lhs, rhs) {
        case (.success(let a), .success(let b)):
            a.header == b.header && a.claims == b.claims && a.kid == b.kid
        case (.failure(let a), .failure(let b)):
            a == b
        default:
            false
        }
    }
}
