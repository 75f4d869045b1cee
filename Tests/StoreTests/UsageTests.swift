import Foundation
import Synchronization
import Testing

@testable import Store

struct UsageTests {
    @Test(arguments: [
        (0.0, "1970-01"),
        (1_800_000_000.0, "2027-01"),
        // 2027-01-31T23:59:59Z and one second later.
        (1_801_439_999.0, "2027-01"),
        (1_801_440_000.0, "2027-02"),
    ])
    func monthIsTheUTCCalendarMonth(seconds: Double, month: String) {
        #expect(Store.usageMonth(for: Date(timeIntervalSince1970: seconds)) == month)
    }

    @Test func chargesStopAtTheLimitAndRefundsFreeAUnit() throws {
        let fixture = try TemporaryStore()
        let id = try fixture.store.createAPIKey(plan: "free", name: "n").account.id
        let month = Store.usageMonth(for: fixture.clock.now)
        #expect(try fixture.store.chargeRender(accountID: id, limit: 2) == UsageCharge(accountID: id, month: month))
        let second = try #require(try fixture.store.chargeRender(accountID: id, limit: 2))
        #expect(try fixture.store.chargeRender(accountID: id, limit: 2) == nil)
        #expect(try fixture.store.rendersUsed(accountID: id, month: month) == 2)
        try fixture.store.refund(second)
        #expect(try fixture.store.rendersUsed(accountID: id, month: month) == 1)
        #expect(try fixture.store.chargeRender(accountID: id, limit: 2) != nil)
        #expect(try fixture.store.chargeRender(accountID: id, limit: 0) == nil)
        #expect(try fixture.store.chargeRender(accountID: id, limit: nil) != nil)
        #expect(try fixture.store.rendersUsed(accountID: id, month: month) == 3)
    }

    @Test func aNewMonthStartsFromZero() throws {
        let fixture = try TemporaryStore()
        let id = try fixture.store.createAPIKey(plan: "free", name: "n").account.id
        #expect(try fixture.store.chargeRender(accountID: id, limit: 1) != nil)
        #expect(try fixture.store.chargeRender(accountID: id, limit: 1) == nil)
        fixture.clock.advance(by: 32 * 86_400)
        #expect(try fixture.store.chargeRender(accountID: id, limit: 1) != nil)
    }

    @Test func parallelChargesDoNotOvershoot() throws {
        let fixture = try TemporaryStore()
        let store = fixture.store
        let id = try store.createAPIKey(plan: "free", name: "n").account.id
        let admitted = Mutex(0)
        let finished = DispatchGroup()
        for _ in 0..<8 {
            finished.enter()
            Thread {
                for _ in 0..<5 where (try? store.chargeRender(accountID: id, limit: 10)) != nil {
                    admitted.withLock { $0 += 1 }
                }
                finished.leave()
            }.start()
        }
        finished.wait()
        #expect(admitted.withLock { $0 } == 10)
        #expect(try store.rendersUsed(accountID: id, month: Store.usageMonth(for: fixture.clock.now)) == 10)
    }
}
