import AuthLabHTTP
import Testing

// Findings of the fuzz targets in Fuzz/ (scripts/fuzz), kept as regression tests.

/// FuzzHTTP (LeakSanitizer at exit): `Router.routes` kept each route's `RouteGroup`, and the
/// group kept its `Router`, so a router with a group was never freed. The group's reference to
/// its router is now unowned.
@Test("a router and its groups are freed once the responder is built")
func routerWithGroupIsFreed() {
    weak var router: Router<BasicRequestContext>?
    weak var group: RouteGroup<BasicRequestContext>?
    let responder: RouterResponder<BasicRequestContext> = {
        let made = Router<BasicRequestContext>(log: .discard)
        let jwt = made.group("/jwt")
        jwt.on(.get, "/me") { _, _ in Response.noContent() }
        router = made
        group = jwt
        return made.buildResponder()
    }()
    var request = Request(method: .get, path: "/jwt/me")
    #expect(responder.resolve(&request).template == "/jwt/me")
    #expect(router == nil)
    #expect(group == nil)
}
