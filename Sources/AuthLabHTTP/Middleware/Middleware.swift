/// One step around the handler: may change the request, answer early, or edit the response.
///
/// Middleware runs in declaration order (first added is outermost). `next` never throws an
/// error back out: anything thrown further in has already become a `Response` (typed errors
/// as their JSON, anything else as a bare 500), so middleware always sees the final status.
public protocol Middleware<Context>: Sendable {
    associatedtype Context: RequestContext

    func handle(
        _ request: Request, context: inout Context,
        next: (Request, inout Context) throws -> Response
    ) throws -> Response
}
