/// Byte classes from RFC 9110 §5.6 used by the parser and header comparisons.
enum ASCII {
    static let cr = UInt8(ascii: "\r")
    static let lf = UInt8(ascii: "\n")
    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")
    static let colon = UInt8(ascii: ":")

    /// The index of the first `byte` in `text`'s UTF-8, found by scanning its contiguous storage:
    /// the generic search over `String.UTF8View` costs several times more per byte.
    static func firstIndex(of byte: UInt8, in text: String) -> String.Index? {
        switch text.utf8.withContiguousStorageIfAvailable({ $0.firstIndex(of: byte) }) {
        case .some(.some(let offset)): text.utf8.index(text.utf8.startIndex, offsetBy: offset)
        case .some(.none): nil
        case .none: text.utf8.firstIndex(of: byte)
        }
    }

    static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }

    /// `tchar` (RFC 9110 §5.6.2): the characters allowed in a method or a field name.
    static func isTokenCharacter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"),
             UInt8(ascii: "A")...UInt8(ascii: "Z"):
            return true
        default:
            return "!#$%&'*+-.^_`|~".utf8.contains(byte)
        }
    }

    static func isWhitespace(_ byte: UInt8) -> Bool { byte == space || byte == tab }

    /// Field values may hold visible characters, whitespace and obs-text, but no other controls.
    static func isFieldValueCharacter(_ byte: UInt8) -> Bool {
        byte == tab || (byte >= 0x20 && byte != 0x7F)
    }

    static func hexValue(_ byte: UInt8) -> Int? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): Int(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): Int(byte - UInt8(ascii: "a")) + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): Int(byte - UInt8(ascii: "A")) + 10
        default: nil
        }
    }
}
