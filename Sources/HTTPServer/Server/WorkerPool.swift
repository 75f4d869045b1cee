import Dispatch
import Foundation
import Synchronization

/// A fixed set of threads running jobs in submission order, with a bounded queue; this is where
/// responders run.
final class WorkerPool: Sendable {
    typealias Job = @Sendable () -> Void

    private struct Queue {
        var jobs: [Job] = []
        var head = 0
        var shuttingDown = false

        var waiting: Int { jobs.count - head }
    }

    private let queue = Mutex(Queue())
    /// Counts queued jobs plus one wake-up per thread at shutdown.
    private let signal = DispatchSemaphore(value: 0)
    private let threadCount: Int
    private let capacity: Int

    /// Starts `threads` threads; at most `capacity` jobs may wait for one.
    init(threads: Int, capacity: Int) {
        threadCount = max(1, threads)
        self.capacity = max(1, capacity)
        for index in 0..<threadCount {
            let thread = Thread { [self] in self.work() }
            thread.name = "http-worker-\(index)"
            thread.start()
        }
    }

    /// Queues `job`, or returns false without queueing it when `capacity` jobs are already waiting.
    func submit(_ job: @escaping Job) -> Bool {
        let accepted = queue.withLock { queue in
            guard queue.waiting < capacity else { return false }
            queue.jobs.append(job)
            return true
        }
        if accepted { signal.signal() }
        return accepted
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
