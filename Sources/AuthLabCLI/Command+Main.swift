internal import Glibc

extension Command {
    /// Runs this command as the root of a tree with the given arguments (not
    /// including the program name) and returns the exit status; never exits.
    public static func main(
        arguments: [String], environment: [String: String], output: CommandOutput = .standard
    ) async -> Int32 {
        await CommandRunner.main(
            Self.self, arguments: arguments, environment: environment, output: output)
    }

    /// The `@main` entry: the process's arguments and environment, then `exit`.
    public static func main() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        let status = await main(arguments: arguments, environment: processEnvironment())
        exit(status)
    }
}

/// The process environment as a dictionary (the first value wins for a repeated name).
private func processEnvironment() -> [String: String] {
    var result: [String: String] = [:]
    var entry = environ
    while let pointer = entry.pointee {
        let text = String(cString: pointer)
        if let equals = text.firstIndex(of: "=") {
            let name = String(text[..<equals])
            if result[name] == nil { result[name] = String(text[text.index(after: equals)...]) }
        }
        entry = entry.advanced(by: 1)
    }
    return result
}
