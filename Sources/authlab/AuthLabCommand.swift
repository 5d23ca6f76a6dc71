/// The `authlab` command line (placeholder until the CLI module lands).
@main
struct AuthLabCommand {
    static func main() {
        print("authlab")
    }
}
