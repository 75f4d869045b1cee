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

        Run 'ogpress <command> --help' for a command's options.
        """

    static func main(arguments: [String]) -> Int32 {
        var arguments = Arguments(arguments)
        let name = arguments.positional()
        let help: String
        do {
            switch name {
            case "serve":
                help = ServeCommand.help
                if arguments.wantsHelp { return printHelp(help) }
                try ServeCommand.run(&arguments)
            case "keys":
                help = KeysCommand.help
                guard arguments.positional() == "create" else {
                    if arguments.wantsHelp { return printHelp(help) }
                    throw UsageError("expected 'keys create'")
                }
                if arguments.wantsHelp { return printHelp(help) }
                try KeysCommand.run(&arguments)
            case "render":
                help = RenderCommand.help
                if arguments.wantsHelp { return printHelp(help) }
                try RenderCommand.run(&arguments)
            case "bench":
                help = BenchCommand.help
                if arguments.wantsHelp { return printHelp(help) }
                try BenchCommand.run(&arguments)
            case "cache":
                help = CacheCommand.help
                guard arguments.positional() == "sweep" else {
                    if arguments.wantsHelp { return printHelp(help) }
                    throw UsageError("expected 'cache sweep'")
                }
                if arguments.wantsHelp { return printHelp(help) }
                try CacheCommand.run(&arguments)
            case nil where arguments.wantsHelp:
                return printHelp(usage)
            case nil:
                printError("missing command\n\n\(usage)")
                return 64
            default:
                printError("unknown command \"\(name!)\"\n\n\(usage)")
                return 64
            }
        } catch let error as UsageError {
            printError("\(error.message)\n\nRun 'ogpress \(name ?? "") --help' for usage.")
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
