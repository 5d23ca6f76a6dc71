/// Help and usage text in the shape of swift-argument-parser.
///
/// Sections OVERVIEW / USAGE / ARGUMENTS / OPTIONS / SUBCOMMANDS; labels are
/// indented 2 and help text starts at column 26 (on the next line when the
/// label is longer), wrapped at 80 columns. Each option shows its default and
/// environment variable: `(default: 8080; env: AUTHLAB_PORT)`.
public enum HelpFormatter {
    static let helpColumn = 26
    static let width = 80

    /// The full help for the command at the end of `path` (command names from the root).
    public static func help(for configuration: CommandConfiguration, path: [String], isRoot: Bool)
        -> String
    {
        var sections: [String] = []
        if !configuration.abstract.isEmpty {
            sections.append(wrap("OVERVIEW: " + configuration.abstract, indent: 0))
        }
        if !configuration.discussion.isEmpty {
            let paragraphs = configuration.discussion.split(
                separator: "\n", omittingEmptySubsequences: false)
            sections.append(paragraphs.map { wrap(String($0), indent: 0) }.joined(separator: "\n"))
        }
        sections.append(usage(for: configuration, path: path, prefix: "USAGE: "))
        if !configuration.arguments.isEmpty {
            let rows = configuration.arguments.map { row(argumentLabel($0), $0.help) }
            sections.append((["ARGUMENTS:"] + rows).joined(separator: "\n"))
        }
        var optionRows = configuration.options.map { row(optionLabel($0), optionHelp($0)) }
        if isRoot && configuration.version != nil {
            optionRows.append(row("--version", "Show the version."))
        }
        optionRows.append(row("-h, --help", "Show help information."))
        sections.append((["OPTIONS:"] + optionRows).joined(separator: "\n"))
        if !configuration.subcommands.isEmpty {
            let rows = configuration.subcommands.map { sub in
                let sub = sub.configuration
                let isDefault =
                    configuration.defaultSubcommand?.configuration.commandName
                    == sub.commandName
                return row(sub.commandName, sub.abstract + (isDefault ? " (default)" : ""))
            }
            let root = path.first ?? configuration.commandName
            let see = "\n\n  See '\(root) help <subcommand>' for detailed help."
            sections.append((["SUBCOMMANDS:"] + rows).joined(separator: "\n") + see)
        }
        return sections.joined(separator: "\n\n") + "\n"
    }

    /// The help for a command reached through `types` (root first).
    public static func help(for types: [any Command.Type]) -> String {
        guard let leaf = types.last else { return "" }
        return help(
            for: leaf.configuration, path: types.map { $0.configuration.commandName },
            isRoot: types.count == 1)
    }

    /// `USAGE: authlab serve [--port <port>] …`, wrapped at 80 columns.
    public static func usage(
        for configuration: CommandConfiguration, path: [String], prefix: String
    )
        -> String
    {
        var parts: [String] = []
        if !configuration.subcommands.isEmpty {
            parts.append(configuration.defaultSubcommand == nil ? "<subcommand>" : "[<subcommand>]")
        } else {
            parts += configuration.options.map(usageToken)
            parts += configuration.arguments.map(argumentUsage)
        }
        let head = prefix + path.joined(separator: " ")
        var lines: [String] = [head]
        let indent = String(repeating: " ", count: prefix.count + 2)
        for part in parts {
            let last = lines[lines.count - 1]
            if last.count + 1 + part.count > width && last != indent && last != head {
                lines.append(indent + part)
            } else {
                lines[lines.count - 1] = last + " " + part
            }
        }
        return lines.joined(separator: "\n")
    }

    private static func usageToken(_ option: OptionSpec) -> String {
        option.repeatable ? "[\(option.label) ...]" : "[\(option.label)]"
    }

    private static func argumentUsage(_ argument: ArgumentSpec) -> String {
        let token = "<\(argument.name)>" + (argument.isRepeating ? " ..." : "")
        return argument.isOptional ? "[\(token)]" : token
    }

    private static func argumentLabel(_ argument: ArgumentSpec) -> String {
        "<\(argument.name)>"
    }

    private static func optionLabel(_ option: OptionSpec) -> String {
        option.short.map { "-\($0), \(option.label)" } ?? option.label
    }

    private static func optionHelp(_ option: OptionSpec) -> String {
        var notes: [String] = []
        if let value = option.defaultValue { notes.append("default: \(value)") }
        if let env = option.env { notes.append("env: \(env)") }
        guard !notes.isEmpty else { return option.help }
        let note = "(" + notes.joined(separator: "; ") + ")"
        return option.help.isEmpty ? note : option.help + " " + note
    }

    /// One aligned row: the label at column 2, the help at column 26.
    static func row(_ label: String, _ help: String) -> String {
        let pad = String(repeating: " ", count: helpColumn)
        let head = "  " + label
        let text = wrap(help, indent: helpColumn)
        guard !help.isEmpty else { return head }
        let body = String(text.dropFirst(helpColumn))
        if head.count + 2 <= helpColumn {
            return head + String(repeating: " ", count: helpColumn - head.count) + body
        }
        return head + "\n" + pad + body
    }

    /// Word-wraps `text` to `width` columns, every line indented by `indent`.
    static func wrap(_ text: String, indent: Int) -> String {
        let pad = String(repeating: " ", count: indent)
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            if !line.isEmpty && indent + line.count + 1 + word.count > width {
                lines.append(pad + line)
                line = String(word)
            } else {
                line += (line.isEmpty ? "" : " ") + word
            }
        }
        lines.append(pad + line)
        return lines.joined(separator: "\n")
    }
}
