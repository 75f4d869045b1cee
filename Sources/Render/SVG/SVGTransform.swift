import Foundation

/// Parses the SVG `transform` attribute (SVG 1.1 §7.6 grammar: `matrix`, `translate`, `scale`,
/// `rotate`, `skewX`, `skewY`, separated by whitespace or commas).
enum SVGTransform {
    /// The product of the listed transforms (the first one is outermost), or nil when the list is
    /// malformed, in which case SVG ignores the whole attribute.
    static func parse(_ text: String) -> AffineTransform? {
        var scanner = SVGScanner(text)
        var result = AffineTransform.identity
        scanner.skipSeparator()
        while !scanner.isAtEnd {
            let nameStart: Int = scanner.position
            while let byte = scanner.current, (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") {
                scanner.advance()
            }
            let name = String(decoding: scanner.bytes[nameStart..<scanner.position], as: UTF8.self)
            scanner.skipSpace()
            guard scanner.current == UInt8(ascii: "(") else { return nil }
            scanner.advance()
            scanner.skipSpace()
            var arguments: [Double] = []
            while let value = scanner.number() {
                arguments.append(value)
                scanner.skipSeparator()
            }
            guard scanner.current == UInt8(ascii: ")"), let transform = make(name, arguments) else { return nil }
            scanner.advance()
            result = result.concatenating(transform)
            scanner.skipSeparator()
        }
        return result
    }

    private static func make(_ name: String, _ values: [Double]) -> AffineTransform? {
        let radians: (Double) -> Double = { $0 * Double.pi / 180 }
        switch (name, values.count) {
        case ("matrix", 6):
            return AffineTransform(a: values[0], b: values[1], c: values[2], d: values[3], tx: values[4], ty: values[5])
        case ("translate", 1): return .translation(values[0], 0)
        case ("translate", 2): return .translation(values[0], values[1])
        case ("scale", 1): return .scale(values[0], values[0])
        case ("scale", 2): return .scale(values[0], values[1])
        case ("rotate", 1): return .rotation(radians(values[0]))
        case ("rotate", 3):
            // Rotation about (cx, cy): translate there, rotate, translate back.
            return AffineTransform.translation(values[1], values[2])
                .concatenating(.rotation(radians(values[0])))
                .concatenating(.translation(-values[1], -values[2]))
        case ("skewX", 1): return .skew(radians(values[0]), 0)
        case ("skewY", 1): return .skew(0, radians(values[0]))
        default: return nil
        }
    }
}
