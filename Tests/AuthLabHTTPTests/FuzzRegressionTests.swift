import AuthLabHTTP
import Testing

// Findings of the fuzz targets in Fuzz/ (scripts/fuzz), kept as regression tests.

/// FuzzHTTP (LeakSanitizer at exit): `Router.routes` keeps each route's `RouteGroup`, and the
/// group keeps its `Router`, so a router with a group is never freed. One router is built per
/// server, so the leak is bounded; the fix belongs to the router's owner. When it is fixed this
/// known issue stops occurring, Swift Testing reports that, and `withKnownIssue` can go.
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
    withKnownIssue("Router and RouteGroup hold each other strongly (reference cycle)") {
        #expect(router == nil)
        #expect(group == nil)
    }
}
