import AuthLabHTTP
import AuthLabJSON

/// `GET /healthz`, `GET /metrics`, `GET /.well-known/jwks.json` and the demo page.
struct PublicController: Sendable {
    let metrics: AppMetrics
    let serverMetrics: ServerMetricsLink
    let publicJWKS: [UInt8]

    func addRoutes(to router: Router<AppContext>) {
        let health = Response.json(Array(#"{"status":"ok"}"#.utf8))
        router.get("/healthz") { _, _ in health }
        router.get("/metrics") { _, _ in
            var response = Response.text(serverMetrics.text() + metrics.prometheusText())
            response.headers.replaceOrAdd(
                name: "Content-Type", value: "text/plain; version=0.0.4; charset=utf-8")
            return response
        }
        let jwks = Response.json(publicJWKS)
        router.get("/.well-known/jwks.json") { _, _ in jwks }
        let page = Response.html(DemoPage.html)
        router.get("/") { _, _ in page }
    }
}
