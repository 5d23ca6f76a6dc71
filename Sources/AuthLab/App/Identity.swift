import AuthLabJOSE

/// A registered user as the API shows it.
struct User: Sendable, Equatable {
    let id: Int64
    let username: String
}

/// The server-side facts about one session.
struct SessionInfo: Sendable, Equatable {
    /// SHA-256 of the cookie value: the primary key of the row.
    let idHash: [UInt8]
    let createdAt: Int64
    let expiresAt: Int64
}

/// Who made this request, and by which scheme.
enum Identity: Sendable {
    case session(User, SessionInfo)
    case jwt(User, JWTClaims)

    var user: User {
        switch self {
        case .session(let user, _), .jwt(let user, _): user
        }
    }
}
