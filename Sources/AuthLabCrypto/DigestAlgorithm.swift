internal import COpenSSL

/// A SHA-2 hash function used by digests, HMAC and signatures.
public enum DigestAlgorithm: String, Sendable, CaseIterable {
    case sha256 = "SHA256"
    case sha384 = "SHA384"
    case sha512 = "SHA512"

    /// The digest length in bytes (32, 48 or 64).
    public var outputLength: Int {
        switch self {
        case .sha256: 32
        case .sha384: 48
        case .sha512: 64
        }
    }

    /// The process-wide fetched `EVP_MD` (explicit fetch skips OpenSSL 3's per-call lookup).
    var evpMD: OpaquePointer {
        switch self {
        case .sha256: FetchedDigests.shared.sha256
        case .sha384: FetchedDigests.shared.sha384
        case .sha512: FetchedDigests.shared.sha512
        }
    }
}

/// The `EVP_MD` objects fetched once for the process and never freed.
///
/// `@unchecked Sendable`: fetched `EVP_MD` objects are immutable, reference-counted
/// method tables that OpenSSL documents as safe to use from any thread at once.
private struct FetchedDigests: @unchecked Sendable {
    let sha256: OpaquePointer
    let sha384: OpaquePointer
    let sha512: OpaquePointer

    static let shared = FetchedDigests(
        sha256: fetch("SHA256", fallback: EVP_sha256()),
        sha384: fetch("SHA384", fallback: EVP_sha384()),
        sha512: fetch("SHA512", fallback: EVP_sha512()))

    /// The explicitly fetched digest, or OpenSSL's built-in legacy handle if fetching fails.
    private static func fetch(_ name: String, fallback: OpaquePointer?) -> OpaquePointer {
        if let fetched = EVP_MD_fetch(nil, name, nil) { return fetched }
        guard let fallback else {
            preconditionFailure("OpenSSL's default provider has no \(name)")
        }
        return fallback
    }
}
