import AuthLabHTTP
import AuthLabJOSE

/// `POST /jwt/inspect`: the anatomy of any token, and whether it verifies here.
struct InspectController: Sendable {
    let tokens: TokenService

    func addRoutes(to router: Router<AppContext>) {
        router.post("/jwt/inspect", handler: inspect)
    }

    @Sendable func inspect(_ request: Request, _ context: inout AppContext) throws -> Response {
        let token = try JSONBody(request).string("token")
        var anatomy: JWSAnatomy
        do {
            anatomy = try JWSAnatomy(token: token)
        } catch {
            throw APIError.invalidRequest(error.description)
        }
        anatomy.verify(with: tokens.verifier, now: Monotonic.unixSeconds())
        return .json(anatomy.json())
    }
}
