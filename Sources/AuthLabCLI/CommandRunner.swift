/// Runs a command tree: finds the subcommand, parses, validates, runs, and maps
/// the outcome to an exit status, without ever exiting the process itself.
///
/// Exit statuses: 0 for success, help and version; 64 for usage errors
/// (`Error: …` and a usage line on stderr); 1 when `run` throws anything else
/// (`Error: …` on stderr); an `ExitCode` thrown by `run` is returned as is.
public enum CommandRunner {
    /// Runs `root` with `arguments` (not including the program name).
    public static func main(
        _ root: any Command.Type, arguments: [String], environment: [String: String],
        output: CommandOutput = .standard
    ) async -> Int32 {
        var path: [any Command.Type] = [root]
        var rest = arguments[...]
        do throws(ValidationError) {
            while let current = path.last, !current.configuration.subcommands.isEmpty {
                let configuration = current.configuration
                let isRoot = path.count == 1
                guard let token = rest.first else {
                    guard let fallback = configuration.defaultSubcommand else {
                        output.write(HelpFormatter.help(for: path))
                        return ExitCode.success.rawValue
                    }
                    path.append(fallback)
                    continue
                }
                if token == "-h" || token == "--help" {
                    output.write(HelpFormatter.help(for: path))
                    return ExitCode.success.rawValue
                }
                if token == "--version", isRoot, let version = configuration.version {
                    output.write(version + "\n")
                    return ExitCode.success.rawValue
                }
                if let sub = configuration.subcommand(named: token) {
                    path.append(sub)
                    rest = rest.dropFirst()
                } else if token == "help" {
                    let target = try helpTarget(path, Array(rest.dropFirst()))
                    output.write(HelpFormatter.help(for: target))
                    return ExitCode.success.rawValue
                } else if let fallback = configuration.defaultSubcommand, token.hasPrefix("-") {
                    path.append(fallback)
                } else if token.hasPrefix("-") {
                    throw ValidationError.unknownOption(
                        token,
                        suggestion: isRoot && configuration.version != nil
                            ? Suggestion.closest(
                                to: String(token.drop { $0 == "-" }), among: ["help", "version"]
                            ).map { "--\($0)" } : nil)
                } else {
                    throw unknownSubcommand(token, of: configuration)
                }
            }
        } catch {
            return usageError(error, path: path, output: output)
        }
        return await runLeaf(path, Array(rest), environment: environment, output: output)
    }

    private static func runLeaf(
        _ path: [any Command.Type], _ tokens: [String], environment: [String: String],
        output: CommandOutput
    ) async -> Int32 {
        guard let leaf = path.last else { return ExitCode.failure.rawValue }
        let configuration = leaf.configuration
        var parser = ArgumentParser(
            configuration: configuration, environment: environment, isRoot: path.count == 1)
        let command: any Command
        do throws(ValidationError) {
            switch try parser.parse(tokens) {
            case .help:
                output.write(HelpFormatter.help(for: path))
                return ExitCode.success.rawValue
            case .version:
                output.write((configuration.version ?? "") + "\n")
                return ExitCode.success.rawValue
            case .parsed(let arguments):
                command = try leaf.init(arguments: arguments)
                try command.validate()
            }
        } catch {
            return usageError(error, path: path, output: output)
        }
        let context = CommandContext(
            output: output, environment: environment,
            commandPath: path.map { $0.configuration.commandName })
        do {
            try await command.run(context: context)
            return ExitCode.success.rawValue
        } catch let error as ValidationError {
            return usageError(error, path: path, output: output)
        } catch let code as ExitCode {
            return code.rawValue
        } catch {
            output.writeError("Error: \(error)\n")
            return ExitCode.failure.rawValue
        }
    }

    /// The command named by `help <sub> [<subsub> …]`, starting at `path`.
    private static func helpTarget(_ path: [any Command.Type], _ names: [String])
        throws(ValidationError) -> [any Command.Type]
    {
        var target = path
        for name in names {
            guard let current = target.last else { break }
            guard let sub = current.configuration.subcommand(named: name) else {
                throw unknownSubcommand(name, of: current.configuration)
            }
            target.append(sub)
        }
        return target
    }

    private static func unknownSubcommand(_ token: String, of configuration: CommandConfiguration)
        -> ValidationError
    {
        let names = configuration.subcommands.map { $0.configuration.commandName } + ["help"]
        return .unknownSubcommand(token, suggestion: Suggestion.closest(to: token, among: names))
    }

    /// Prints `Error: …`, the usage line and a pointer to `--help`; returns 64.
    private static func usageError(
        _ error: ValidationError, path: [any Command.Type], output: CommandOutput
    ) -> Int32 {
        let names = path.map { $0.configuration.commandName }
        let usage = path.last.map {
            HelpFormatter.usage(for: $0.configuration, path: names, prefix: "Usage: ")
        }
        var text = "Error: \(error.message)\n"
        if let usage { text += usage + "\n" }
        text += "  See '\(names.joined(separator: " ")) --help' for more information.\n"
        output.writeError(text)
        return ExitCode.validationFailure.rawValue
    }
}
