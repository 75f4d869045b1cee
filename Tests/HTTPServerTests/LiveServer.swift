import Foundation
import HTTPServer

/// A `Server` on a free loopback port with a small router, stopped by `shutdown()`.
final class LiveServer: Sendable {
    let server: Server
    let base: String
    let fileURL: URL

    init(configure: (inout ServerConfiguration) -> Void = { _ in }, routes: (inout Router) -> Void = { _ in }) throws {
        fileURL = FileManager.default.temporaryDirectory.appendingPathComponent("httpserver-\(UUID().uuidString).txt")
        try Data("0123456789abcdefghij".utf8).write(to: fileURL)
        let path = fileURL.path

        var router = Router { status, message in
            Response(status: status, headers: ["Content-Type": "application/json"],
                     body: .bytes(Array("{\"error\":\"\(message)\"}".utf8)))
        }
        router.on(.get, "/hello") { _ in Response(body: .bytes(Array("hello world".utf8))) }
        router.on(.get, "/items/:id") { Response(body: .bytes(Array("item \($0.parameters["id"]!)".utf8))) }
        router.on(.post, "/echo") { Response(body: .bytes($0.body)) }
        router.on(.get, "/file") { _ in Response(body: .file(path: path, offset: 10, length: 10)) }
        router.on(.get, "/missing") { _ in Response(body: .file(path: path + ".gone", offset: 0, length: 5)) }
        routes(&router)

        var configuration = ServerConfiguration()
        configuration.port = 0
        configuration.workerThreads = 2
        configuration.maxBodyBytes = 1024
        configuration.maxHeaderBytes = 2048
        configuration.headerReadTimeout = .seconds(1)
        configure(&configuration)
        server = Server(configuration: configuration, responder: router)
        try server.start()
        base = "http://127.0.0.1:\(server.localPort)"
    }

    func shutdown() {
        server.stop()
        server.wait()
        try? FileManager.default.removeItem(at: fileURL)
    }
}

/// The result of running a command-line client.
struct ToolOutput {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Runs `executable` with `arguments` and waits for it.
func runTool(_ executable: String, _ arguments: [String], stdin: String? = nil) throws -> ToolOutput {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    let input = Pipe()
    process.standardInput = input
    try process.run()
    if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
    try input.fileHandleForWriting.close()
    // Read both pipes concurrently so neither can fill up and stall the client.
    let errorData = ErrorCollector(err.fileHandleForReading)
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return ToolOutput(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errorData.finish(), as: UTF8.self))
}

/// Drains a pipe on a background thread.
private final class ErrorCollector: @unchecked Sendable {
    // Invariant: `data` is written only by the reader thread before `done` is signalled and read
    // only after `finish()` has waited for that signal.
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }.start()
    }

    func finish() -> Data {
        done.wait()
        return data
    }
}
