/// One result row, copied out of SQLite so it stays valid after the statement steps again.
public struct Row: Sendable, Equatable {
    /// Column values in select order.
    public let values: [SQLValue]
    /// Column names in select order (shared between the rows of one statement).
    public let columnNames: [String]

    public init(values: [SQLValue], columnNames: [String]) {
        self.values = values
        self.columnNames = columnNames
    }

    /// The number of columns.
    public var count: Int { values.count }

    /// The value of column `index` (0-based). Traps when out of range, like an array.
    public subscript(index: Int) -> SQLValue { values[index] }

    /// The value of the first column named `name`, or nil if there is none.
    public subscript(name: String) -> SQLValue? {
        guard let index = columnNames.firstIndex(of: name) else { return nil }
        return values[index]
    }
}
