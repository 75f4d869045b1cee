import Dispatch
import Foundation
import Testing
import HTTPServer

/// Routes with an event-loop handler: answers served without the worker pool.
struct EventLoopHandlerTests {
    @Test func eventLoopHandlerAnswersWhileTheOnlyWorkerIsBusy() throws {
        let entered = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let live = try LiveServer(configure: { $0.workerThreads = 1 }, routes: { router in
            let fileBody = router.respond(to: Request(method: .get, target: "/file")).body
            router.on(.get, "/fast", onEventLoop: { _ in Response(body: .bytes(Array("fast".utf8))) }) { _ in
                Response(body: .bytes(Array("slow".utf8)))
            }
            router.on(.get, "/fast-file", onEventLoop: { _ in Response(body: fileBody) }) { _ in Response() }
            router.on(.get, "/declines/:name", onEventLoop: { request in
                request.parameters["name"] == "yes" ? Response(body: .bytes(Array("loop".utf8))) : nil
            }) { _ in Response(body: .bytes(Array("worker".utf8))) }
            router.on(.get, "/block") { _ in
                entered.signal()
                release.wait()
                return Response(body: .bytes(Array("unblocked".utf8)))
            }
        })
        defer { live.shutdown() }
        let blocker = Process()
        blocker.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        blocker.arguments = ["--silent", "--max-time", "20", "\(live.base)/block"]
        blocker.standardOutput = FileHandle.nullDevice
        try blocker.run()
        entered.wait()
        // The only worker is held, so these answers cannot have come from the pool.
        let fast = try runTool("/usr/bin/curl", ["--silent", "--max-time", "5",
                                                 "\(live.base)/fast", "--next", "\(live.base)/fast-file"])
        release.signal()
        blocker.waitUntilExit()
        #expect(fast.stdout == "fastabcdefghij")
        let declined = try runTool("/usr/bin/curl", ["--silent", "--max-time", "5", "\(live.base)/declines/yes",
                                                     "--next", "\(live.base)/declines/no"])
        #expect(declined.stdout == "loopworker")
        // Requests the handler declines still reach their routes.
        #expect(try runTool("/usr/bin/curl", ["--silent", "--max-time", "5", "\(live.base)/hello"]).stdout == "hello world")
    }
}
