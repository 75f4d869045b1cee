import Dispatch
import Foundation
import Synchronization

/// A fixed set of threads running jobs in submission order; this is where responders run.
final class WorkerPool: Sendable {
    typealias Job = @Sendable () -> Void

    private struct Queue {
        var jobs: [Job] = []
        var head = 0
        var shuttingDown = false
    }

    private let queue = Mutex(Queue())
    /// Counts queued jobs plus one wake-up per thread at shutdown.
    private let signal = DispatchSemaphore(value: 0)
    private let threadCount: Int

    init(threads: Int) {
        threadCount = max(1, threads)
        for index in 0..<threadCount {
            let thread = Thread { [self] in self.work() }
            thread.name = "http-worker-\(index)"
            thread.start()
        }
    }

    func submit(_ job: @escaping Job) {
        queue.withLock { $0.jobs.append(job) }
        signal.signal()
    }

    /// Lets the threads finish the queued jobs, then exit.
    func shutdown() {
        queue.withLock { $0.shuttingDown = true }
        for _ in 0..<threadCount { signal.signal() }
    }

    private func work() {
        while true {
            signal.wait()
            let job: Job? = queue.withLock { queue in
                guard queue.head < queue.jobs.count else { return nil }
                let job = queue.jobs[queue.head]
                queue.head += 1
                if queue.head == queue.jobs.count {
                    queue.jobs.removeAll(keepingCapacity: true)
                    queue.head = 0
                }
                return job
            }
            guard let job else { return }
            job()
        }
    }
}
