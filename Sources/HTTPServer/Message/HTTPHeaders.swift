/// An ordered list of header fields; names compare case-insensitively.
///
/// Field lines keep the order and spelling they were added with, so a response goes out the way
/// the handler built it.
public struct HTTPHeaders: Sendable, Sequence, ExpressibleByDictionaryLiteral {
    private var fields: [(name: String, value: String)]
    /// The field lines as the server writes them, when `prepared()` made them; every change clears it,
    /// so it never disagrees with `fields`.
    private(set) var encodedFields: [UInt8]?

    /// Creates an empty header list.
    public init() { fields = [] }

    /// Creates a header list with one line per element, in order.
    public init(dictionaryLiteral elements: (String, String)...) {
        fields = elements.map { (name: $0.0, value: $0.1) }
    }

    /// A copy that carries its field lines already encoded, for a header set sent with many responses:
    /// the server then copies those bytes instead of encoding every line again.
    ///
    /// The bytes are exactly what the server would write for these fields (server-owned framing
    /// fields left out). Changing the copy drops them, so a later change is still sent.
    public func prepared() -> HTTPHeaders {
        var copy = self
        var encoded: [UInt8] = []
        ResponseEncoder.appendFields(of: self, to: &encoded)
        copy.encodedFields = encoded
        return copy
    }

    /// The first value of the field `name`, or nil.
    public subscript(name: String) -> String? {
        fields.first { Self.namesMatch($0.name, name) }?.value
    }

    /// Every value of the field `name`, in order (one per header line).
    public func values(for name: String) -> [String] {
        var values: [String] = []
        for field in fields where Self.namesMatch(field.name, name) { values.append(field.value) }
        return values
    }

    /// Whether at least one line of the field `name` is present.
    public func contains(_ name: String) -> Bool {
        fields.contains { Self.namesMatch($0.name, name) }
    }

    /// Appends a field line.
    public mutating func add(_ name: String, _ value: String) {
        encodedFields = nil
        fields.append((name: name, value: value))
    }

    /// Replaces every line of `name` with one line.
    ///
    /// The new line takes the place of the first old one, or goes at the end if there was none.
    public mutating func set(_ name: String, _ value: String) {
        encodedFields = nil
        if let first = fields.firstIndex(where: { Self.namesMatch($0.name, name) }) {
            fields[first] = (name: name, value: value)
            var index = fields.index(after: first)
            while index < fields.endIndex {
                if Self.namesMatch(fields[index].name, name) { fields.remove(at: index) } else { index += 1 }
            }
        } else {
            fields.append((name: name, value: value))
        }
    }

    /// Removes every line of the field `name`.
    public mutating func remove(_ name: String) {
        encodedFields = nil
        fields.removeAll { Self.namesMatch($0.name, name) }
    }

    /// Iterates the field lines in order.
    public func makeIterator() -> Array<(name: String, value: String)>.Iterator {
        fields.makeIterator()
    }

    /// The number of field lines.
    public var count: Int { fields.count }

    /// ASCII case-insensitive comparison; field names are tokens, so no Unicode folding applies.
    static func namesMatch(_ lhs: String, _ rhs: String) -> Bool {
        // Comparing lengths first (constant time for native strings) settles most mismatches.
        lhs.utf8.count == rhs.utf8.count && lhs.utf8.elementsEqual(rhs.utf8) { ASCII.lowercased($0) == ASCII.lowercased($1) }
    }
}
