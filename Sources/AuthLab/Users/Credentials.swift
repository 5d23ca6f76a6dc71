import AuthLabHTTP

/// A username and password from a request body, checked against the contract:
/// username 3–32 of `[a-z0-9_.-]`, password 8–1024 bytes.
struct Credentials: Sendable {
    let username: String
    let password: String

    init(_ request: Request) throws {
        let body = try JSONBody(request)
        username = try body.string("username")
        password = try body.string("password")
    }

    /// Refuses names and passwords outside the contract (registration only: a login
    /// with a malformed name simply fails as invalid credentials).
    func validateForRegistration() throws {
        let allowed = username.utf8.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
                || byte == UInt8(ascii: "-")
        }
        guard (3...32).contains(username.utf8.count), allowed else {
            throw APIError.invalidRequest(
                "username must be 3-32 characters of a-z, 0-9, '_', '.', '-'")
        }
        guard (8...1024).contains(password.utf8.count) else {
            throw APIError.invalidRequest("password must be 8-1024 bytes")
        }
    }
}
