/// Parses SVG path data (the `d` attribute, SVG 2 §9.3) into a `Path`.
///
/// All commands are supported, absolute and relative, with implicit repeats (a number where a
/// command letter would be repeats the last command; after `M` it repeats as `L`). On an error the
/// path keeps the segments parsed before it, as SVG 2 §9.5.4 asks and browsers do.
enum SVGPathData {
    /// The path of `d`, and how many segments it has (for the document-wide command limit). Parsing
    /// stops after `limit` segments.
    static func parse(_ d: String, limit: Int = .max) -> (path: Path, commands: Int) {
        var scanner = SVGScanner(d)
        var path = Path()
        var count = 0
        var command: UInt8 = 0
        var current = Point(x: 0, y: 0)
        var start = Point(x: 0, y: 0)
        // The second control point of the previous C/S or the control point of Q/T, for reflections.
        var lastCubicControl: Point?
        var lastQuadControl: Point?

        scanner.skipSpace()
        while !scanner.isAtEnd && count < limit {
            if let byte = scanner.current, SVGPathData.isCommand(byte) {
                // Path data must start with a move (SVG 2 §9.3.2).
                if count == 0 && byte | 0x20 != UInt8(ascii: "m") { break }
                command = byte
                scanner.advance()
                scanner.skipSpace()
            } else if command == 0 || command == UInt8(ascii: "Z") || command == UInt8(ascii: "z") {
                // Data must start with a move, and nothing may follow Z but a command.
                break
            }
            let relative: Bool = command >= UInt8(ascii: "a")
            let origin: Point = relative ? current : Point(x: 0, y: 0)
            var cubicControl: Point?
            var quadControl: Point?
            switch command | 0x20 {
            case UInt8(ascii: "z"):
                path.close()
                current = start
            case UInt8(ascii: "m"):
                guard let p = scanner.point(from: origin) else { return (path, count) }
                path.move(to: p)
                current = p
                start = p
                // Further pairs are lines.
                command = relative ? UInt8(ascii: "l") : UInt8(ascii: "L")
            case UInt8(ascii: "l"):
                guard let p = scanner.point(from: origin) else { return (path, count) }
                path.line(to: p)
                current = p
            case UInt8(ascii: "h"):
                guard let x = scanner.number() else { return (path, count) }
                current = Point(x: origin.x + x, y: current.y)
                path.line(to: current)
            case UInt8(ascii: "v"):
                guard let y = scanner.number() else { return (path, count) }
                current = Point(x: current.x, y: origin.y + y)
                path.line(to: current)
            case UInt8(ascii: "c"):
                guard let c1 = scanner.point(from: origin), let c2 = scanner.point(from: origin),
                      let p = scanner.point(from: origin) else { return (path, count) }
                path.cubic(to: p, control1: c1, control2: c2)
                cubicControl = c2
                current = p
            case UInt8(ascii: "s"):
                guard let c2 = scanner.point(from: origin), let p = scanner.point(from: origin) else { return (path, count) }
                let c1: Point = SVGPathData.reflect(lastCubicControl, around: current)
                path.cubic(to: p, control1: c1, control2: c2)
                cubicControl = c2
                current = p
            case UInt8(ascii: "q"):
                guard let c = scanner.point(from: origin), let p = scanner.point(from: origin) else { return (path, count) }
                path.quad(to: p, control: c)
                quadControl = c
                current = p
            case UInt8(ascii: "t"):
                guard let p = scanner.point(from: origin) else { return (path, count) }
                let c: Point = SVGPathData.reflect(lastQuadControl, around: current)
                path.quad(to: p, control: c)
                quadControl = c
                current = p
            case UInt8(ascii: "a"):
                guard let rx = scanner.number(), scanner.separated(), let ry = scanner.number(), scanner.separated(),
                      let rotation = scanner.number(), scanner.separated(), let large = scanner.flag(), scanner.separated(),
                      let sweep = scanner.flag(), scanner.separated(), let p = scanner.point(from: origin) else { return (path, count) }
                SVGArc.append(to: &path, from: current, to: p, radiusX: rx, radiusY: ry, rotation: rotation,
                              largeArc: large, sweep: sweep)
                current = p
            default:
                return (path, count)
            }
            count += 1
            lastCubicControl = cubicControl
            lastQuadControl = quadControl
            scanner.skipSeparator()
        }
        return (path, count)
    }

    private static func isCommand(_ byte: UInt8) -> Bool {
        switch byte | 0x20 {
        case UInt8(ascii: "m"), UInt8(ascii: "z"), UInt8(ascii: "l"), UInt8(ascii: "h"), UInt8(ascii: "v"),
             UInt8(ascii: "c"), UInt8(ascii: "s"), UInt8(ascii: "q"), UInt8(ascii: "t"), UInt8(ascii: "a"):
            return true
        default:
            return false
        }
    }

    /// The reflection of the previous segment's control point about the current point; the current
    /// point itself when the previous segment was not of the same kind.
    private static func reflect(_ control: Point?, around current: Point) -> Point {
        guard let control else { return current }
        return Point(x: 2 * current.x - control.x, y: 2 * current.y - control.y)
    }
}

extension SVGScanner {
    /// An x, y pair offset by `origin`.
    fileprivate mutating func point(from origin: Point) -> Point? {
        let saved = position
        guard let x = number() else { return nil }
        skipSeparator()
        guard let y = number() else {
            position = saved
            return nil
        }
        skipSeparator()
        return Point(x: origin.x + x, y: origin.y + y)
    }

    /// Skips a separator between arc arguments; always true, for use inside a `guard`.
    fileprivate mutating func separated() -> Bool {
        skipSeparator()
        return true
    }
}
