import AuthLabCrypto
import AuthLabJOSE
import AuthLabJSON
import FuzzSupport

/// The token verifier on any bytes. The first input byte picks the verifier (high nibble)
/// and the mode (low nibble): below 8 the rest is the token as received; from 8 on the rest
/// is `header JSON \0 payload` bytes that the harness encodes and signs with key 8: HS256,
/// 9: ES256, 10: EdDSA (and so on, modulo 3), so the fuzzer reaches the header policy and the
/// claims checks that only run after a good signature.
@main
enum FuzzToken {
    static func main() {
        FuzzDriver.run { data, size in
            FuzzToken.test(FuzzDriver.buffer(data, size))
            return 0
        }
    }

    static func test(_ input: UnsafeRawBufferPointer) {
        guard let mode = input.first else { return }
        let rest = UnsafeRawBufferPointer(rebasing: input.dropFirst())
        let verifier = TokenKeys.verifiers[Int(mode >> 4) % TokenKeys.verifiers.count]
        if mode & 0x0F < 8 {
            TokenChecks.check(token: Array(rest), verifier: verifier, signedBy: nil)
            return
        }
        let key = TokenKeys.all[Int(mode & 0x0F - 8) % TokenKeys.all.count]
        let (header, payload) = FuzzInput.split(rest, at: 0)
        var token = Base64URL.encodeBytes(header)
        token.append(UInt8(ascii: "."))
        token.append(contentsOf: Base64URL.encodeBytes(payload))
        let signature = fixture("a signature") { try key.sign(token) }
        token.append(UInt8(ascii: "."))
        token.append(contentsOf: Base64URL.encodeBytes(signature))
        TokenChecks.check(token: token, verifier: verifier, signedBy: key.signingKey)
    }
}
