/// A parsed route template: `/users/:id` is a literal `users` then a parameter `id`.
struct RouterPath: Sendable, Equatable {
    enum Component: Sendable, Equatable {
        case literal(String)
        case parameter(String)
    }

    let components: [Component]
    let template: String

    /// Parses a template; a leading `/` is added when missing, `//` and a trailing `/` kept.
    init(_ template: String) {
        let normalized = template.hasPrefix("/") ? template : "/" + template
        self.template = normalized
        components = normalized.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
            .map { segment in
                if segment.first == ":", segment.count > 1 {
                    return .parameter(String(segment.dropFirst()))
                }
                return .literal(String(segment))
            }
    }

    /// Joins a group prefix and a route path without doubling the slash.
    static func join(_ prefix: String, _ path: String) -> String {
        var head = prefix.hasPrefix("/") ? prefix : "/" + prefix
        while head.count > 1, head.hasSuffix("/") {
            head.removeLast()
        }
        if path.isEmpty || path == "/" { return head == "/" ? "/" : head }
        let tail = path.hasPrefix("/") ? path : "/" + path
        return head == "/" ? tail : head + tail
    }
}
