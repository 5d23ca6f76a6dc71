import AuthLabHTTP

/// A router shaped like authlab's: literals, parameters, groups, several methods per path.
enum HTTPRoutes {
    static func responder() -> RouterResponder<BasicRequestContext> {
        let router = Router<BasicRequestContext>(log: .discard)
        let ok: Router<BasicRequestContext>.Handler = { _, _ in Response.noContent() }
        for path in ["/", "/healthz", "/metrics", "/users", "/users/:id", "/users/:id/sessions"] {
            router.on(.get, path, handler: ok)
        }
        router.on(.post, "/users", handler: ok)
        router.on(.delete, "/users/:id", handler: ok)
        let jwt = router.group("/jwt")
        for path in ["login", "refresh", "logout", "me", "inspect"] {
            jwt.on(.post, path, handler: ok)
        }
        jwt.on(.get, "/me", handler: ok)
        let session = router.group("/session/")
        session.on(.get, "sessions/:sid", handler: ok)
        session.on(.delete, "sessions/:sid", handler: ok)
        return router.buildResponder()
    }
}
