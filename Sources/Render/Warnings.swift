/// Deduplicated, ordered list of things the engine skipped; it ends up in `RenderOutput.warnings`.
struct Warnings: Sendable {
    private(set) var messages: [String] = []
    private var seen: Set<String> = []
    /// A render reports at most this many distinct warnings, so garbage input cannot grow the answer without bound.
    static let limit = 100

    mutating func add(_ message: String) {
        guard messages.count < Self.limit, seen.insert(message).inserted else { return }
        messages.append(message)
    }

    mutating func merge(_ other: Warnings) {
        for message in other.messages { add(message) }
    }
}
