import AuthLabHTTP
import AuthLabJSON

extension Response {
    /// A JSON response from a `JSONValue`.
    static func json(_ value: JSONValue, status: HTTPStatus = .ok) -> Response {
        .json(JSONWriter.serialize(value), status: status)
    }
}

extension User {
    /// `{"id","username"}`.
    var json: JSONValue {
        .object(["id": .int(id), "username": .string(username)])
    }
}
