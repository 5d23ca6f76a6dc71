import AuthLabCrypto
import Testing

@Suite("Digest")
struct DigestTests {
    @Test("SHA-2 of \"abc\" matches FIPS 180-2 examples")
    func abc() {
        #expect(
            hexString(Digest.hash(.sha256, "abc"))
                == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(
            hexString(Digest.hash(.sha384, Array("abc".utf8)))
                == "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded163"
                + "1a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7")
        #expect(
            hexString(Digest.hash(.sha512, "abc"))
                == "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
                + "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f")
    }

    @Test("SHA-256 of the empty input and the raw-buffer overload agree with the known value")
    func emptyAndRaw() {
        let empty = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        #expect(hexString(Digest.hash(.sha256, [UInt8]())) == empty)
        let raw = [UInt8]("abc".utf8).withUnsafeBytes { Digest.hash(.sha256, $0) }
        #expect(raw == Digest.hash(.sha256, "abc"))
        #expect(DigestAlgorithm.allCases.map { Digest.hash($0, "x").count } == [32, 48, 64])
    }
}
