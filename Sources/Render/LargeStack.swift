import Foundation
import Synchronization

/// Runs work on threads with a large stack, kept and reused between renders.
///
/// Parsing, layout and painting recurse once per tree level, and documents may nest 256 elements
/// deep; the default stack of a secondary thread (512 KiB on Linux) is too small for that in debug
/// builds, and callers' threads are not ours to size. A fresh thread per render cost more than a
/// small card's whole layout: thread start-up, then a page fault for every stack page and every page
/// of a newly mapped canvas. Kept threads reuse their touched stack and their malloc arena.
enum LargeStack {
    /// Stack size for render threads; only the pages actually touched are committed.
    static let size = 64 << 20

    /// Threads kept waiting for work; more concurrent calls than this start threads that end after
    /// their one job.
    static let keptThreads = 16

    private static let idle = Mutex<[StackThread]>([])

    /// Runs `body` on a large-stack thread and returns its result; the caller waits.
    static func run<Result: Sendable>(_ body: @escaping @Sendable () throws -> Result) throws -> Result {
        let box = ResultBox<Result>()
        let done = DispatchSemaphore(value: 0)
        let job: @Sendable () -> Void = {
            box.result = Swift.Result { try body() }
            done.signal()
        }
        if let thread = idle.withLock({ $0.popLast() }) {
            thread.start(job)
        } else {
            StackThread.spawn(first: job)
        }
        done.wait()
        return try box.result!.get()
    }

    /// Puts a thread that finished its job back in the idle list; false when the list is full and
    /// the thread should end.
    fileprivate static func park(_ thread: StackThread) -> Bool {
        idle.withLock { threads in
            guard threads.count < keptThreads else { return false }
            threads.append(thread)
            return true
        }
    }

    /// `@unchecked Sendable` invariant: `result` is written once by the worker thread before it
    /// signals the semaphore, and read by the waiting thread only after the wait returns.
    private final class ResultBox<Value>: @unchecked Sendable {
        var result: Swift.Result<Value, Error>?
    }
}

/// One kept render thread: runs a job, parks itself, waits for the next.
///
/// `@unchecked Sendable` invariant: `job` is written by the caller that took this thread out of the
/// idle list (only one can) before it signals `wake`, and read by the thread only after the wait
/// returns; a parked thread is in the idle list exactly while it waits.
private final class StackThread: @unchecked Sendable {
    private var job: (@Sendable () -> Void)?
    private let wake = DispatchSemaphore(value: 0)

    static func spawn(first job: @escaping @Sendable () -> Void) {
        let worker = StackThread()
        worker.job = job
        let thread = Thread { worker.loop() }
        thread.stackSize = LargeStack.size
        thread.start()
    }

    func start(_ job: @escaping @Sendable () -> Void) {
        self.job = job
        wake.signal()
    }

    private func loop() {
        while let job {
            self.job = nil
            job()
            guard LargeStack.park(self) else { return }
            wake.wait()
        }
    }
}
