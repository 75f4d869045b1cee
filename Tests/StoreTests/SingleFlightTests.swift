import Foundation
import Synchronization
import Testing

@testable import Store

struct SingleFlightTests {
    @Test func concurrentCallersRenderOnce() throws {
        let fixture = try TemporaryStore()
        let store = fixture.store
        let spec = Samples.spec()
        let renders = Mutex(0)
        let results = Mutex<[(StoredRender, Bool)]>([])
        let failures = Mutex<[String]>([])
        let started = DispatchGroup()
        let finished = DispatchGroup()
        // All threads wait on this gate so their calls overlap as much as the scheduler allows.
        let gate = DispatchSemaphore(value: 0)
        let threadCount = 8
        for _ in 0..<threadCount {
            started.enter()
            finished.enter()
            let thread = Thread {
                started.leave()
                gate.wait()
                do {
                    let result = try store.fetchOrRender(spec, owner: nil) {
                        renders.withLock { $0 += 1 }
                        // Hold the flight briefly so the other threads arrive while it is in progress.
                        usleep(50_000)
                        return Samples.bytes
                    }
                    results.withLock { $0.append(result) }
                } catch {
                    failures.withLock { $0.append("\(error)") }
                }
                finished.leave()
            }
            thread.start()
        }
        started.wait()
        for _ in 0..<threadCount { gate.signal() }
        finished.wait()

        #expect(failures.withLock { $0 } == [])
        #expect(renders.withLock { $0 } == 1)
        let all = results.withLock { $0 }
        #expect(all.count == threadCount)
        #expect(all.filter { !$0.1 }.count == 1)
        #expect(Set(all.map(\.0.contentDigest)) == [SHA256.hex(Samples.bytes)])
    }

    @Test func waiterRendersWhenTheFirstRenderFails() throws {
        let fixture = try TemporaryStore()
        let store = fixture.store
        let spec = Samples.spec()
        let firstIsRendering = DispatchSemaphore(value: 0)
        let releaseFirst = DispatchSemaphore(value: 0)
        let done = DispatchGroup()
        let firstOutcome = Mutex<String>("")
        done.enter()
        Thread {
            do {
                _ = try store.fetchOrRender(spec, owner: nil) {
                    firstIsRendering.signal()
                    releaseFirst.wait()
                    throw RenderFailure()
                }
                firstOutcome.withLock { $0 = "returned" }
            } catch {
                firstOutcome.withLock { $0 = "threw" }
            }
            done.leave()
        }.start()
        firstIsRendering.wait()
        #expect(store.flights.isActive(spec.key))
        // Released from another thread shortly, this caller waits behind the failing render and then
        // renders itself.
        Thread { usleep(20_000); releaseFirst.signal() }.start()
        let second = try store.fetchOrRender(spec, owner: nil) { Samples.bytes }
        done.wait()
        #expect(firstOutcome.withLock { $0 } == "threw")
        #expect(!second.cached)
        #expect(try store.lookup(spec.key) == second.render)
    }
}
