/// The computed `content` of a `::before`/`::after` box (CSS Generated Content 3 §2): strings and
/// `attr()` references, joined when the box is built.
enum ContentPart: Sendable, Equatable {
    case text(String)
    /// `attr(name)`: the element's attribute value, or nothing when it is missing.
    case attribute(String)

    /// Parses a `content` value; nil for `none`/`normal` (no box) and for values with parts the engine
    /// cannot produce (counters, images, quotes).
    static func parse(_ components: [CSSComponent]) -> [ContentPart]? {
        var parts: [ContentPart] = []
        for component in components.withoutWhitespace {
            switch component {
            case .string(let text):
                parts.append(.text(unescape(text)))
            case .function("attr", let arguments):
                guard arguments.count == 1, case .ident(let name) = arguments[0] else { return nil }
                parts.append(.attribute(name.lowercased()))
            default:
                return nil
            }
        }
        return parts.isEmpty ? nil : parts
    }

    /// Resolves CSS escapes in a string token (CSS Syntax 3 §4.3.7): `\201C` (hex, up to six digits,
    /// one following space eaten) and `\"`-style escapes of a single character.
    static func unescape(_ text: String) -> String {
        guard text.contains("\\") else { return text }
        var result = ""
        var scalars = Array(text.unicodeScalars)[...]
        while let scalar = scalars.popFirst() {
            guard scalar == "\\", let next = scalars.first else {
                if scalar != "\\" { result.unicodeScalars.append(scalar) }
                continue
            }
            var hex = ""
            while hex.count < 6, let digit = scalars.first, digit.properties.isASCIIHexDigit {
                hex.unicodeScalars.append(digit)
                scalars.removeFirst()
            }
            if hex.isEmpty {
                if next != "\n" { result.unicodeScalars.append(next) }
                scalars.removeFirst()
                continue
            }
            if scalars.first == " " { scalars.removeFirst() }
            let value = UInt32(hex, radix: 16) ?? 0xFFFD
            result.unicodeScalars.append(value == 0 ? "\u{FFFD}" : Unicode.Scalar(value) ?? "\u{FFFD}")
        }
        return result
    }
}

/// The computed styles of generated `::before`/`::after` boxes, by element index.
struct GeneratedContentStyles: Sendable {
    var before: [Int: ComputedStyle] = [:]
    var after: [Int: ComputedStyle] = [:]
}
