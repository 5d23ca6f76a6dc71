import AuthLabHTTP
import AuthLabJSON

/// A request body parsed as one JSON object, with typed field access that answers
/// 400 `invalid_request` for anything malformed or missing.
struct JSONBody {
    let object: JSONObject

    init(_ request: Request) throws {
        // Insisting on the JSON media type keeps cross-site HTML forms (which can only
        // send form and text types) from posting here without a CORS preflight.
        guard let type = request.headers["Content-Type"]?.lowercased(),
            type.hasPrefix("application/json")
        else {
            throw APIError.invalidRequest("send the body with 'Content-Type: application/json'")
        }
        let value: JSONValue
        do {
            value = try JSONParser.parse(request.body)
        } catch {
            throw APIError.invalidRequest("the body is not valid JSON: \(error.description)")
        }
        guard case .object(let object) = value else {
            throw APIError.invalidRequest("the body must be a JSON object")
        }
        self.object = object
    }

    /// A required string field.
    func string(_ name: String) throws -> String {
        guard let value = object[name] else {
            throw APIError.invalidRequest("missing field '\(name)'")
        }
        guard case .string(let text) = value else {
            throw APIError.invalidRequest("field '\(name)' must be a string")
        }
        return text
    }
}
