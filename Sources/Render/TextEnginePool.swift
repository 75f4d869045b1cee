import Foundation

/// Text engines waiting to be used by a render.
///
/// `@unchecked Sendable` invariant: `idle` is only read or written while `lock` is held, and an engine
/// taken out of `idle` is used by exactly one render until it is put back, so no `TextEngine` (which
/// is not thread-safe) is ever touched by two threads at once.
final class TextEnginePool: @unchecked Sendable {
    private let fonts: FontConfiguration
    private let lock = NSLock()
    private var idle: [TextEngine] = []
    /// Engines kept for reuse; more concurrent renders than this create short-lived engines.
    private let capacity: Int

    init(fonts: FontConfiguration, first: TextEngine, capacity: Int = 16) {
        self.fonts = fonts
        self.capacity = capacity
        idle = [first]
    }

    /// Runs `body` with an engine of its own, creating one when none is idle.
    func withEngine<Result>(_ body: (TextEngine) throws -> Result) throws -> Result {
        let engine = try take()
        defer { giveBack(engine) }
        return try body(engine)
    }

    private func take() throws -> TextEngine {
        lock.lock()
        let engine = idle.popLast()
        lock.unlock()
        return try engine ?? TextEngine(fonts: fonts)
    }

    private func giveBack(_ engine: TextEngine) {
        lock.lock()
        if idle.count < capacity { idle.append(engine) }
        lock.unlock()
    }
}
