@preconcurrency import Glibc

/// Writes one access log line per request to stderr.
enum AccessLog {
    /// `METHOD target status bytes elapsedµs`, e.g. `GET /health 200 2 85us`.
    static func write(method: HTTPMethod?, target: String, status: Int, bytes: Int, elapsed: Duration) {
        let micros = elapsed.components.seconds * 1_000_000 + elapsed.components.attoseconds / 1_000_000_000_000
        let printable = String(decoding: target.utf8.map { $0 < 0x21 || $0 == 0x7F ? UInt8(ascii: "?") : $0 }, as: UTF8.self)
        fputs("\(method?.rawValue ?? "-") \(printable) \(status) \(bytes) \(micros)us\n", stderr)
    }
}
