import Foundation
import Testing

/// The `ogpress` executable as a user runs it: help, usage errors, keys, render, sweep.
@Suite(.serialized)
struct CommandLineTests {
    /// The executable built next to the test bundle.
    static var executable: String {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("ogpress").path
    }

    static func run(_ arguments: [String]) throws -> (status: Int32, output: String, error: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: TestApplication.repositoryRoot)
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
    }

    static func temporaryPath(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("ogpress-cli-\(UUID().uuidString)-\(name)").path
    }

    @Test(arguments: [["--help"], ["serve", "--help"], ["keys", "create", "--help"], ["render", "--help"], ["cache", "sweep", "--help"]])
    func helpExitsZero(_ arguments: [String]) throws {
        let result = try Self.run(arguments)
        #expect(result.status == 0)
        #expect(result.output.hasPrefix("Usage: ogpress"))
    }

    @Test(arguments: [
        [], ["bogus"], ["render", "--template", "blog"], ["serve", "--port", "abc"], ["keys"], ["keys", "create", "--plan", "gold"],
        ["render", "--template", "blog", "--html", "x.html", "--out", "/tmp/x.png"], ["cache", "sweep", "extra"],
    ])
    func usageErrorsExit64(_ arguments: [String]) throws {
        let result = try Self.run(arguments)
        #expect(result.status == 64)
        #expect(result.error.hasPrefix("ogpress: "))
    }

    @Test func keysCreatePrintsTheKeyLast() throws {
        let cache = Self.temporaryPath("cache")
        defer { try? FileManager.default.removeItem(atPath: cache) }
        let result = try Self.run(["keys", "create", "--plan", "pro", "--name", "ci", "--cache-dir", cache])
        #expect(result.status == 0)
        let last = result.output.split(separator: "\n").last.map(String.init) ?? ""
        #expect(last.wholeMatch(of: /og_live_[0-9a-f]{32}/) != nil)
        let sweep = try Self.run(["cache", "sweep", "--cache-dir", cache])
        #expect(sweep.status == 0 && sweep.output.hasPrefix("Removed 0 expired"))
    }

    @Test func renderWritesAPNG() throws {
        let out = Self.temporaryPath("card.png")
        defer { try? FileManager.default.removeItem(atPath: out) }
        let result = try Self.run(["render", "--template", "minimal", "--data", "title=Hello", "--out", out, "--width", "600", "--height", "315"])
        #expect(result.status == 0, "\(result.error)")
        let bytes = try #require(FileManager.default.contents(atPath: out))
        #expect(Array(bytes.prefix(4)) == [0x89, 0x50, 0x4E, 0x47])
        // IHDR width and height, big-endian at bytes 16…23.
        #expect(Array(bytes[16..<24]) == [0, 0, 0x02, 0x58, 0, 0, 0x01, 0x3B])
    }

    @Test func unreadableHTMLFileIsAUsageError() throws {
        let result = try Self.run(["render", "--html", "/nonexistent.html", "--out", Self.temporaryPath("x.png")])
        #expect(result.status == 64)
        #expect(result.error.contains("/nonexistent.html"))
    }
}
