import Foundation
import OGServer

/// `ogpress serve`: run the HTTP server until SIGINT or SIGTERM.
enum ServeCommand {
    static let help = """
        Usage: ogpress serve [--config FILE] [--host H] [--port P] [--cache-dir DIR] [--public-url URL]

        Starts the HTTP server. Each option may also come from the environment:
        OGPRESS_CONFIG, OGPRESS_HOST, OGPRESS_PORT, OGPRESS_CACHE_DIR, OGPRESS_PUBLIC_URL.
        Without --config, config/ogpress.json is read when it exists.
        """

    static func run(_ arguments: inout Arguments) throws {
        var configuration = try Command.configuration(&arguments)
        if let host = try arguments.option("--host") { configuration.host = host }
        if let port = try arguments.option("--port") {
            do {
                configuration.port = try Configuration.port(port, source: "--port")
            } catch let error as ConfigurationError {
                throw UsageError(error.message)
            }
        }
        if let url = try arguments.option("--public-url") { configuration.publicURL = url }
        try arguments.finish()

        let application = try Application(configuration: configuration)
        if let key = try application.createFirstAPIKeyIfNeeded() {
            Command.say("No API key existed, so one was created. It is shown only this once:\n  \(key)")
        }
        let server = try application.start()
        Command.say("ogpress listening on http://\(configuration.host):\(server.localPort), "
              + "public URL \(configuration.resolvedPublicURL), cache \(configuration.cacheDirectory)")

        let signals = [SIGINT, SIGTERM].map { number -> DispatchSourceSignal in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { server.stop() }
            source.resume()
            return source
        }
        server.wait()
        signals.forEach { $0.cancel() }
    }
}
