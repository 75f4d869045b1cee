import Foundation
import SQLite

// Typed column reads for the store's own schema; a mismatch means a damaged index.
extension Row {
    func text(_ index: Int) throws -> String {
        guard let value = self[index].string else { throw Self.mismatch(index) }
        return value
    }

    func integer(_ index: Int) throws -> Int64 {
        guard let value = self[index].int64 else { throw Self.mismatch(index) }
        return value
    }

    func real(_ index: Int) throws -> Double {
        guard let value = self[index].double else { throw Self.mismatch(index) }
        return value
    }

    func date(_ index: Int) throws -> Date {
        Date(timeIntervalSince1970: try real(index))
    }

    func blob(_ index: Int) throws -> [UInt8] {
        guard let value = self[index].bytes else { throw Self.mismatch(index) }
        return value
    }

    private static func mismatch(_ index: Int) -> StoreError {
        .database("unexpected value type in index column \(index)")
    }
}
