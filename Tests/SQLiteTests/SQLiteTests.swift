import Foundation
import Testing

@testable import SQLite

/// A database file in a fresh temporary directory, removed when the value is dropped.
final class TemporaryDatabase {
    let directory: String
    let path: String

    init() throws {
        directory = NSTemporaryDirectory() + "sqlite-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        path = directory + "/test.sqlite"
    }

    deinit {
        try? FileManager.default.removeItem(atPath: directory)
    }
}

struct ConnectionTests {
    @Test func bindsAndReadsEveryStorageClass() throws {
        let file = try TemporaryDatabase()
        let db = try Connection(path: file.path)
        try db.execute("CREATE TABLE t(a, b, c, d, e)")
        let values: [SQLValue] = [
            .null, .integer(-9_007_199_254_740_993), .real(2.5), .text("héllo\u{0}wörld"), .blob([0, 1, 255]),
        ]
        try db.execute("INSERT INTO t VALUES (?, ?, ?, ?, ?)", values)
        #expect(db.changes == 1)
        let rows = try db.query("SELECT a, b, c, d, e FROM t")
        #expect(rows.count == 1)
        #expect(rows[0].values == values)
        #expect(rows[0]["d"] == .text("héllo\u{0}wörld"))
        #expect(rows[0]["missing"] == nil)
        #expect(rows[0].columnNames == ["a", "b", "c", "d", "e"])
    }

    @Test func emptyTextAndBlobAreNotNull() throws {
        let db = try Connection(path: ":memory:")
        let rows = try db.query("SELECT typeof(?), typeof(?), length(?)", [.text(""), .blob([]), .blob([])])
        #expect(rows[0].values == [.text("text"), .text("blob"), .integer(0)])
    }

    @Test func statementIsReusableWithNewBindings() throws {
        let db = try Connection(path: ":memory:")
        try db.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, name TEXT)")
        let insert = try db.prepare("INSERT INTO t(name) VALUES (?)")
        for name in ["a", "b", "c"] {
            try insert.bind([.text(name)])
            try insert.run()
        }
        #expect(db.lastInsertRowID == 3)
        let select = try db.prepare("SELECT name FROM t WHERE id >= ? ORDER BY id")
        try select.bind([2])
        var names: [String] = []
        while let row = try select.step() {
            names.append(row[0].string ?? "")
        }
        #expect(names == ["b", "c"])
        try select.bind([3])
        #expect(try select.rows().map(\.values) == [[.text("c")]])
    }

    @Test func wrongBindingCountThrowsRange() throws {
        let db = try Connection(path: ":memory:")
        #expect(throws: SQLiteError.self) { try db.query("SELECT ?, ?", [1]) }
        do {
            _ = try db.query("SELECT ?", [1, 2])
            Issue.record("expected an error")
        } catch let error as SQLiteError {
            #expect(error.code == .range)
        }
    }

    @Test func syntaxErrorCarriesCodeMessageAndSQL() throws {
        let db = try Connection(path: ":memory:")
        do {
            _ = try db.prepare("SELEC 1")
            Issue.record("expected an error")
        } catch let error as SQLiteError {
            #expect(error.code == .error)
            #expect(error.message.contains("syntax error"))
            #expect(error.sql == "SELEC 1")
        }
    }

    @Test func constraintViolationHasExtendedCodeAndMatchesPrimary() throws {
        let db = try Connection(path: ":memory:")
        try db.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, name TEXT UNIQUE)")
        try db.execute("INSERT INTO t(name) VALUES ('x')", [])
        do {
            try db.execute("INSERT INTO t(name) VALUES ('x')", [])
            Issue.record("expected an error")
        } catch let error as SQLiteError {
            #expect(error.code == .constraintUnique)
            #expect(error.code.primary == .constraint)
            #expect(ResultCode.constraint ~= error.code)
            #expect(!(ResultCode.busy ~= error.code))
        }
        var caught = false
        do {
            try db.execute("INSERT INTO t(name) VALUES ('x')", [])
        } catch ResultCode.constraint {
            caught = true
        }
        #expect(caught)
    }

    @Test func transactionCommitsOnReturn() throws {
        let file = try TemporaryDatabase()
        let db = try Connection(path: file.path)
        try db.execute("CREATE TABLE t(x INTEGER)")
        let answer = try db.transaction(.immediate) {
            try db.execute("INSERT INTO t VALUES (1)", [])
            return 42
        }
        #expect(answer == 42)
        #expect(db.isAutocommit)
        let other = try Connection(path: file.path)
        #expect(try other.query("SELECT count(*) FROM t")[0][0] == .integer(1))
    }

    @Test func transactionRollsBackOnThrow() throws {
        struct Failure: Error {}
        let db = try Connection(path: ":memory:")
        try db.execute("CREATE TABLE t(x INTEGER)")
        #expect(throws: Failure.self) {
            try db.transaction(.immediate) {
                try db.execute("INSERT INTO t VALUES (1)", [])
                throw Failure()
            }
        }
        #expect(db.isAutocommit)
        #expect(try db.query("SELECT count(*) FROM t")[0][0] == .integer(0))
    }

    @Test func nestedTransactionIsRefused() throws {
        let db = try Connection(path: ":memory:")
        do {
            try db.transaction {
                try db.transaction {}
            }
            Issue.record("expected an error")
        } catch let error as SQLiteError {
            #expect(error.code == .misuse)
        }
        #expect(db.isAutocommit)
    }

    @Test func busyWriterFailsAfterTimeout() throws {
        let file = try TemporaryDatabase()
        let first = try Connection(path: file.path)
        let second = try Connection(path: file.path)
        try first.execute("PRAGMA journal_mode=WAL; CREATE TABLE t(x)")
        try second.setBusyTimeout(.milliseconds(10))
        try first.execute("BEGIN IMMEDIATE")
        do {
            try second.transaction(.immediate) {}
            Issue.record("expected SQLITE_BUSY")
        } catch let error as SQLiteError {
            #expect(error.code.primary == .busy)
        }
        try first.execute("COMMIT")
        try second.transaction(.immediate) {
            try second.execute("INSERT INTO t VALUES (1)", [])
        }
        #expect(try first.query("SELECT count(*) FROM t")[0][0] == .integer(1))
    }

    @Test func openingAMissingFileReadOnlyFails() throws {
        let file = try TemporaryDatabase()
        do {
            _ = try Connection(path: file.directory + "/absent.sqlite", flags: [.readOnly])
            Issue.record("expected an error")
        } catch let error as SQLiteError {
            #expect(error.code.primary == .cantOpen)
        }
    }

    @Test func valueAccessors() {
        let integer: SQLValue = 3
        #expect(integer.int64 == 3)
        #expect(integer.double == 3.0)
        #expect(integer.string == nil)
        let text: SQLValue = "x"
        #expect(text.string == "x")
        #expect(text.int64 == nil)
        let null: SQLValue = nil
        #expect(null.isNull)
        #expect(SQLValue.blob([1]).bytes == [1])
    }
}
