/// Builds a `Set-Cookie` response header value (RFC 6265 §4.1).
public struct SetCookie: Sendable, Equatable {
    /// The `SameSite` attribute.
    public enum SameSite: String, Sendable {
        case strict = "Strict"
        case lax = "Lax"
        case none = "None"
    }

    public var name: String
    public var value: String
    public var path: String?
    public var domain: String?
    /// Seconds; 0 asks the browser to delete the cookie now.
    public var maxAge: Int?
    public var secure: Bool
    public var httpOnly: Bool
    public var sameSite: SameSite?

    public init(
        name: String, value: String, path: String? = "/", domain: String? = nil,
        maxAge: Int? = nil, secure: Bool = false, httpOnly: Bool = true,
        sameSite: SameSite? = .lax
    ) {
        self.name = name
        self.value = value
        self.path = path
        self.domain = domain
        self.maxAge = maxAge
        self.secure = secure
        self.httpOnly = httpOnly
        self.sameSite = sameSite
    }

    /// A cookie that clears `name` (empty value, `Max-Age=0`), with the same scope attributes.
    public static func clearing(
        name: String, path: String? = "/", secure: Bool = false, sameSite: SameSite? = .lax
    ) -> SetCookie {
        SetCookie(name: name, value: "", path: path, maxAge: 0, secure: secure, sameSite: sameSite)
    }

    /// The header value, e.g. `sid=abc; Path=/; Max-Age=3600; HttpOnly; SameSite=Lax`.
    ///
    /// Characters that would break the header (`;`, CR, LF, NUL and, in name and value,
    /// spaces, commas and quotes) are dropped rather than sent.
    public var headerValue: String {
        var out = SetCookie.clean(name, strict: true) + "=" + SetCookie.clean(value, strict: true)
        if let path { out += "; Path=" + SetCookie.clean(path, strict: false) }
        if let domain { out += "; Domain=" + SetCookie.clean(domain, strict: false) }
        if let maxAge { out += "; Max-Age=\(max(0, maxAge))" }
        if secure || sameSite == SameSite.none { out += "; Secure" }
        if httpOnly { out += "; HttpOnly" }
        if let sameSite { out += "; SameSite=" + sameSite.rawValue }
        return out
    }

    private static func clean(_ text: String, strict: Bool) -> String {
        String(
            text.unicodeScalars.filter { scalar in
                let v = scalar.value
                if v < 0x21 || v == 0x7F || v == 0x3B { return false }
                if strict && (v == 0x22 || v == 0x2C || v == 0x5C || v > 0x7E) { return false }
                return true
            }.map(Character.init))
    }
}
