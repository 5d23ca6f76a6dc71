import AuthLabCrypto
import Testing

@Suite("SecureRandom and ConstantTime")
struct RandomAndConstantTimeTests {
    @Test("SecureRandom gives the requested length and distinct draws")
    func random() throws {
        #expect(try SecureRandom.bytes(0).isEmpty)
        let a = try SecureRandom.bytes(32)
        let b = try SecureRandom.bytes(32)
        #expect(a.count == 32)
        #expect(a != b)
        #expect(Set(try SecureRandom.bytes(4096)).count > 200)
    }

    @Test("ConstantTime.equals compares length and every byte")
    func equals() {
        #expect(ConstantTime.equals([], []))
        #expect(ConstantTime.equals([1, 2, 3], [1, 2, 3]))
        #expect(!ConstantTime.equals([1, 2, 3], [1, 2, 4]))
        #expect(!ConstantTime.equals([9, 2, 3], [1, 2, 3]))
        #expect(!ConstantTime.equals([1, 2, 3], [1, 2]))
        #expect(!ConstantTime.equals([], [0]))
    }
}
