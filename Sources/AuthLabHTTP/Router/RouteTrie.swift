/// A segment trie of route templates; literals win over parameters, with backtracking.
struct RouteTrie: Sendable {
    // Edges are structs, not tuples: tuple element types need runtime metadata lookups on
    // the hot path, structs do not.
    struct Edge: Sendable {
        var label: String
        var node: Node
    }

    struct MethodEntry: Sendable {
        var method: HTTPMethod
        var endpoint: Int
    }

    struct Node: Sendable {
        var literals: [Edge] = []
        var parameters: [Edge] = []
        var methods: [MethodEntry] = []
        var template: String?
    }

    private(set) var root = Node()

    /// Registers `endpoint` for `method` at `path`; returns false if that pair already exists.
    mutating func insert(_ path: RouterPath, method: HTTPMethod, endpoint: Int) -> Bool {
        RouteTrie.insert(path.components[...], into: &root, path: path, method: method, endpoint)
    }

    private static func insert(
        _ rest: ArraySlice<RouterPath.Component>, into node: inout Node, path: RouterPath,
        method: HTTPMethod, _ endpoint: Int
    ) -> Bool {
        guard let first = rest.first else {
            if node.methods.contains(where: { $0.method == method }) { return false }
            node.methods.append(MethodEntry(method: method, endpoint: endpoint))
            node.template = path.template
            return true
        }
        switch first {
        case .literal(let segment):
            if let i = node.literals.firstIndex(where: { $0.label == segment }) {
                return insert(
                    rest.dropFirst(), into: &node.literals[i].node, path: path, method: method,
                    endpoint)
            }
            var child = Node()
            let ok = insert(rest.dropFirst(), into: &child, path: path, method: method, endpoint)
            node.literals.append(Edge(label: segment, node: child))
            return ok
        case .parameter(let name):
            if let i = node.parameters.firstIndex(where: { $0.label == name }) {
                return insert(
                    rest.dropFirst(), into: &node.parameters[i].node, path: path, method: method,
                    endpoint)
            }
            var child = Node()
            let ok = insert(rest.dropFirst(), into: &child, path: path, method: method, endpoint)
            node.parameters.append(Edge(label: name, node: child))
            return ok
        }
    }

    /// Finds the node for a raw path (must start with `/`), capturing parameters in order.
    func find(_ path: String, parameters: inout [(String, Substring)]) -> Node? {
        guard path.utf8.first == UInt8(ascii: "/") else { return nil }
        let rest = path[path.index(after: path.startIndex)...]
        return RouteTrie.find(rest, in: root, parameters: &parameters)
    }

    private static func find(
        _ rest: Substring, in node: Node, parameters: inout [(String, Substring)]
    ) -> Node? {
        let slash = rest.utf8.firstIndex(of: UInt8(ascii: "/"))
        let segment = slash.map { rest[..<$0] } ?? rest
        let remainder = slash.map { rest[rest.index(after: $0)...] }
        for edge in node.literals where segment == edge.label {
            if let found = descend(remainder, edge.node, &parameters) { return found }
        }
        guard !segment.isEmpty else { return nil }
        for edge in node.parameters {
            parameters.append((edge.label, segment))
            if let found = descend(remainder, edge.node, &parameters) { return found }
            parameters.removeLast()
        }
        return nil
    }

    private static func descend(
        _ remainder: Substring?, _ child: Node, _ parameters: inout [(String, Substring)]
    ) -> Node? {
        guard let remainder else { return child.template == nil ? nil : child }
        return find(remainder, in: child, parameters: &parameters)
    }
}
