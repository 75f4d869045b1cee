import Foundation

/// Reads the number lists of SVG attributes (`d`, `points`, `viewBox`, `transform` arguments) from
/// UTF-8 bytes: numbers in SVG 2's grammar, separated by whitespace and at most one comma.
struct SVGScanner {
    /// The attribute's UTF-8 bytes.
    let bytes: [UInt8]
    /// The index of the next byte to read.
    var position: Int = 0

    /// A scanner at the start of `text`.
    init(_ text: String) {
        bytes = Array(text.utf8)
    }

    /// True when every byte has been read.
    var isAtEnd: Bool { position >= bytes.count }

    /// The byte at the reading position, if any.
    var current: UInt8? { position < bytes.count ? bytes[position] : nil }

    /// Moves past the current byte.
    mutating func advance() { position += 1 }

    /// Skips whitespace.
    mutating func skipSpace() {
        while position < bytes.count, SVGScanner.isSpace(bytes[position]) { position += 1 }
    }

    /// Skips whitespace, at most one comma, and whitespace again.
    mutating func skipSeparator() {
        skipSpace()
        if current == UInt8(ascii: ",") {
            position += 1
            skipSpace()
        }
    }

    /// A number (`-1.5e3`, `.5`, `+2`), or nil (position unchanged) when none starts here. Numbers
    /// may touch: in `0.5.5` the second starts at the second dot, in `1-2` at the minus sign.
    mutating func number() -> Double? {
        let start = position
        var index = position
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") { index += 1 }
        let integerStart = index
        while index < bytes.count, SVGScanner.isDigit(bytes[index]) { index += 1 }
        var digits = index - integerStart
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            let fractionStart = index + 1
            var end = fractionStart
            while end < bytes.count, SVGScanner.isDigit(bytes[end]) { end += 1 }
            if end > fractionStart || digits > 0 {
                digits += end - fractionStart
                index = end
            }
        }
        guard digits > 0 else { return nil }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            var exponent = index + 1
            if exponent < bytes.count, bytes[exponent] == UInt8(ascii: "-") || bytes[exponent] == UInt8(ascii: "+") { exponent += 1 }
            let exponentDigits = exponent
            while exponent < bytes.count, SVGScanner.isDigit(bytes[exponent]) { exponent += 1 }
            if exponent > exponentDigits { index = exponent }
        }
        guard let value = Double(String(decoding: bytes[start..<index], as: UTF8.self)), value.isFinite else { return nil }
        position = index
        return value
    }

    /// An arc flag: a single `0` or `1`, which may touch the next number (`a1 1 0 00.5.5`).
    mutating func flag() -> Bool? {
        guard let byte = current, byte == UInt8(ascii: "0") || byte == UInt8(ascii: "1") else { return nil }
        position += 1
        return byte == UInt8(ascii: "1")
    }

    /// Every number in `text`, or nil when something else is in it.
    static func numbers(in text: String) -> [Double]? {
        var scanner = SVGScanner(text)
        var values: [Double] = []
        scanner.skipSpace()
        while !scanner.isAtEnd {
            guard let value = scanner.number() else { return nil }
            values.append(value)
            scanner.skipSeparator()
        }
        return values
    }

    /// SVG's whitespace: space, tab, line feed, carriage return, form feed.
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
    }

    /// An ASCII digit.
    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
}
