import Foundation

/// Runs work on a thread with a large stack.
///
/// Parsing, layout and painting recurse once per tree level, and documents may nest 256 elements
/// deep; the default stack of a secondary thread (512 KiB on Linux) is too small for that in debug
/// builds, and callers' threads are not ours to size.
enum LargeStack {
    /// Stack size for render threads; only the pages actually touched are committed.
    static let size = 64 << 20

    /// Runs `body` on a fresh thread with a `size`-byte stack and returns its result.
    static func run<Result: Sendable>(_ body: @escaping @Sendable () throws -> Result) throws -> Result {
        let box = ResultBox<Result>()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            box.result = Swift.Result { try body() }
            done.signal()
        }
        thread.stackSize = size
        thread.start()
        done.wait()
        return try box.result!.get()
    }

    /// `@unchecked Sendable` invariant: `result` is written once by the worker thread before it
    /// signals the semaphore, and read by the waiting thread only after the wait returns.
    private final class ResultBox<Value>: @unchecked Sendable {
        var result: Swift.Result<Value, Error>?
    }
}
