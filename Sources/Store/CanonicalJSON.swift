/// Writes JSON in one canonical form, so equal values always give equal bytes.
///
/// The form: object keys sorted by their UTF-8 bytes, no whitespace, integers as plain decimals,
/// strings escaped minimally (`"` `\` and control characters only; `\b \f \n \r \t` short forms, other
/// controls as lowercase `\u00xx`), every other character written as raw UTF-8.
///
/// The writer appends straight into one byte buffer; callers write object members in sorted key order
/// (``sortedKeys(_:)`` orders a dictionary's keys), which is what keeps the output canonical.
struct CanonicalJSON {
    /// The bytes written so far.
    private(set) var bytes: [UInt8] = []
    /// Whether the innermost open object has no member yet (so the next one needs no comma).
    private var atObjectStart = false

    init(capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    mutating func beginObject() {
        bytes.append(UInt8(ascii: "{"))
        atObjectStart = true
    }

    mutating func endObject() {
        bytes.append(UInt8(ascii: "}"))
        atObjectStart = false
    }

    /// Starts a member: a comma unless it is the object's first, the key, and the colon.
    mutating func key(_ name: String) {
        if !atObjectStart { bytes.append(UInt8(ascii: ",")) }
        atObjectStart = false
        string(name)
        bytes.append(UInt8(ascii: ":"))
    }

    /// A decimal integer, `-` for negatives, no leading zeros.
    mutating func integer(_ number: Int) {
        if number < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = number.magnitude
        // 20 digits hold any UInt64; write them backwards into a small stack buffer.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var start = 20
            repeat {
                start -= 1
                digits[start] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[start..<20]))
        }
    }

    /// A string with minimal escaping.
    mutating func string(_ text: String) {
        var text = text
        bytes.append(UInt8(ascii: "\""))
        text.withUTF8 { utf8 in
            // Copy runs of bytes that need no escape in one append each.
            var runStart = 0
            for (index, byte) in utf8.enumerated() where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                appendEscape(for: byte)
                runStart = index + 1
            }
            // Bytes of multi-byte UTF-8 sequences are all >= 0x80 and pass through unchanged.
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func appendEscape(for byte: UInt8) {
        bytes.append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
        case 0x08: bytes.append(UInt8(ascii: "b"))
        case 0x0C: bytes.append(UInt8(ascii: "f"))
        case 0x0A: bytes.append(UInt8(ascii: "n"))
        case 0x0D: bytes.append(UInt8(ascii: "r"))
        case 0x09: bytes.append(UInt8(ascii: "t"))
        default:
            bytes.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")])
            bytes.append(Hex.digits[Int(byte >> 4)])
            bytes.append(Hex.digits[Int(byte & 0x0F)])
        }
    }

    /// The keys of `dictionary` in canonical (UTF-8 byte) order.
    static func sortedKeys<Value>(_ dictionary: [String: Value]) -> [String] {
        dictionary.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }
}
