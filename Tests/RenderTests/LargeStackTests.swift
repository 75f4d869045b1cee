import Foundation
import Synchronization
import Testing
@testable import Render

struct LargeStackTests {
    private struct Failure: Error, Equatable {
        var number: Int
    }

    /// Recursion deep enough to overflow a default 512 KiB secondary-thread stack.
    private static func depth(_ level: Int) -> Int {
        var padding = (level, level, level, level, level, level, level, level)
        return withUnsafeMutableBytes(of: &padding) { bytes in
            level == 0 ? Int(bytes.count) / 64 : 1 + depth(level - 1)
        }
    }

    @Test func concurrentCallsEachGetTheirOwnResult() {
        let results = Mutex<[Int: Int]>([:])
        DispatchQueue.concurrentPerform(iterations: 64) { number in
            let value = try? LargeStack.run { number * number + Self.depth(2_000) }
            results.withLock { $0[number] = value }
        }
        let collected = results.withLock { $0 }
        #expect(collected.count == 64)
        for number in 0..<64 { #expect(collected[number] == number * number + 2_000 + 1, "call \(number)") }
    }

    @Test func keptThreadsRunDeepRecursionAgainAndRethrow() throws {
        for round in 0..<(LargeStack.keptThreads + 4) {
            #expect(try LargeStack.run { Self.depth(20_000) } == 20_001)
            #expect(throws: Failure(number: round)) { try LargeStack.run { throw Failure(number: round) } }
        }
    }
}
