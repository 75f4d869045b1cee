import Foundation
import OGServer

/// The `ogpress` command line: dispatches to a subcommand and maps errors to exit codes
/// (64 for usage mistakes, 1 for failures).
enum Command {
    static let usage = """
        Usage: ogpress <command> [options]

        Commands:
          serve          Start the HTTP server
          keys create    Create an API key
          render         Render one image to a file
          bench          Time layout, paint and encoding of one image
          cache sweep    Delete expired and orphaned files from the cache
          text-bench     Time the text engine (title and paragraph workloads)

        Run 'ogpress <command> --help' for a command's options.
        """

    /// A subcommand: the words that name it (`keys create`), its help text and what it does.
    struct Subcommand: Sendable {
        var words: [String]
        var help: String
        var run: @Sendable (inout Arguments) throws -> Void
    }

    static let subcommands = [
        Subcommand(words: ["serve"], help: ServeCommand.help, run: ServeCommand.run),
        Subcommand(words: ["keys", "create"], help: KeysCommand.help, run: KeysCommand.run),
        Subcommand(words: ["render"], help: RenderCommand.help, run: RenderCommand.run),
        Subcommand(words: ["bench"], help: BenchCommand.help, run: BenchCommand.run),
        Subcommand(words: ["cache", "sweep"], help: CacheCommand.help, run: CacheCommand.run),
        Subcommand(words: ["text-bench"], help: TextBenchCommand.help, run: TextBenchCommand.run),
    ]

    static func main(arguments: [String]) -> Int32 {
        var arguments = Arguments(arguments)
        guard let first = arguments.positional() else {
            if arguments.wantsHelp { return printHelp(usage) }
            printError("missing command\n\n\(usage)")
            return 64
        }
        guard let family = subcommands.first(where: { $0.words[0] == first }) else {
            printError("unknown command \"\(first)\"\n\n\(usage)")
            return 64
        }
        var name = first
        do {
            if family.words.count > 1 {
                let second = arguments.positional()
                guard second == family.words[1] else {
                    if arguments.wantsHelp { return printHelp(family.help) }
                    throw UsageError("expected '\(family.words.joined(separator: " "))'")
                }
                name = family.words.joined(separator: " ")
            }
            if arguments.wantsHelp { return printHelp(family.help) }
            try family.run(&arguments)
        } catch let error as UsageError {
            printError("\(error.message)\n\nRun 'ogpress \(name) --help' for usage.")
            return 64
        } catch {
            printError("\(error)")
            return 1
        }
        return 0
    }

    static func printHelp(_ text: String) -> Int32 {
        print(text)
        return 0
    }

    /// Writes a line to standard output unbuffered, so it shows at once even when output is a pipe.
    static func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    static func printError(_ message: String) {
        FileHandle.standardError.write(Data("ogpress: \(message)\n".utf8))
    }

    /// The configuration from defaults, the config file (`--config`, `OGPRESS_CONFIG`, or
    /// `config/ogpress.json` when present), the environment, then `--cache-dir`.
    static func configuration(_ arguments: inout Arguments) throws -> Configuration {
        var configuration = Configuration()
        let environment = ProcessInfo.processInfo.environment
        if let file = try arguments.option("--config") ?? environment["OGPRESS_CONFIG"] {
            try configuration.apply(file: file)
        } else if FileManager.default.fileExists(atPath: "config/ogpress.json") {
            try configuration.apply(file: "config/ogpress.json")
        }
        try configuration.apply(environment: environment)
        if let cacheDirectory = try arguments.option("--cache-dir") { configuration.cacheDirectory = cacheDirectory }
        return configuration
    }
}
