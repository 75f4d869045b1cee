import Dispatch
import Foundation
import Testing
@testable import HTTPServer

/// The bounded worker queue and the connection limit, without sockets.
struct ServerLimitsTests {
    @Test func workerQueueRefusesBeyondItsCapacity() {
        let pool = WorkerPool(threads: 1, capacity: 1)
        defer { pool.shutdown() }
        let entered = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        #expect(pool.submit { entered.signal(); release.wait() })
        entered.wait()
        // The only thread is busy: one job may wait, the next is refused.
        #expect(pool.submit {})
        #expect(!pool.submit {})
        release.signal()
    }

    @Test func connectionLimiterCountsSlots() {
        let limiter = ConnectionLimiter(configured: 2)
        #expect(limiter.limit == 2)
        #expect(limiter.acquire())
        #expect(limiter.acquire())
        #expect(!limiter.acquire())
        limiter.release()
        #expect(limiter.acquire())
        #expect(limiter.count == 2)
    }

    @Test func connectionLimitStaysBelowTheDescriptorLimit() {
        var limits = rlimit()
        getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limits)
        let limiter = ConnectionLimiter(configured: Int.max)
        #expect(limiter.limit <= Int(limits.rlim_cur) - ConnectionLimiter.descriptorReserve)
    }

    @Test func idleParserGivesBackALargeBuffer() throws {
        var parser = RequestParser(limits: .init(maxHeaderBytes: 1024, maxBodyBytes: 1 << 20))
        let body = String(repeating: "b", count: 100_000)
        parser.append(Array("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)".utf8))
        #expect(try parser.next()?.request.body.count == 100_000)
        #expect(parser.isIdle)
        #expect(parser.bufferCapacity <= RequestParser.retainedCapacity)
    }
}
