import Foundation
import Testing
@testable import Render

struct SVGPathDataTests {
    static func p(_ x: Double, _ y: Double) -> Point { Point(x: x, y: y) }

    /// Builds the expected path from elements the same way the parser does.
    static func path(_ elements: [Path.Element]) -> Path {
        var path = Path()
        for element in elements {
            switch element {
            case .move(let p): path.move(to: p)
            case .line(let p): path.line(to: p)
            case .quad(let c, let p): path.quad(to: p, control: c)
            case .cubic(let c1, let c2, let p): path.cubic(to: p, control1: c1, control2: c2)
            case .close: path.close()
            }
        }
        return path
    }

    static let table: [(String, [Path.Element])] = [
        ("M10 20 L30 40", [.move(p(10, 20)), .line(p(30, 40))]),
        ("m10 20 l5 5 h10 v-5 z", [.move(p(10, 20)), .line(p(15, 25)), .line(p(25, 25)), .line(p(25, 20)), .close]),
        ("M0 0 10 10 20 0", [.move(p(0, 0)), .line(p(10, 10)), .line(p(20, 0))]),
        ("m1 1 2 2 3 3", [.move(p(1, 1)), .line(p(3, 3)), .line(p(6, 6))]),
        ("M5,5H1V9h2v-1", [.move(p(5, 5)), .line(p(1, 5)), .line(p(1, 9)), .line(p(3, 9)), .line(p(3, 8))]),
        ("M1,2C3,4,5,6,7,8S9,10,11,12", [.move(p(1, 2)), .cubic(control1: p(3, 4), control2: p(5, 6), end: p(7, 8)),
                                         .cubic(control1: p(9, 10), control2: p(9, 10), end: p(11, 12))]),
        ("M0 0c1 1 2 2 3 3s1 1 2 2", [.move(p(0, 0)), .cubic(control1: p(1, 1), control2: p(2, 2), end: p(3, 3)),
                                      .cubic(control1: p(4, 4), control2: p(4, 4), end: p(5, 5))]),
        // S after a non-cubic uses the current point as its first control point.
        ("M0 0L4 0S6 2 8 0", [.move(p(0, 0)), .line(p(4, 0)), .cubic(control1: p(4, 0), control2: p(6, 2), end: p(8, 0))]),
        ("M0 0Q10 10 20 0T40 0", [.move(p(0, 0)), .quad(control: p(10, 10), end: p(20, 0)), .quad(control: p(30, -10), end: p(40, 0))]),
        ("M0 0q10 10 20 0t20 0 20 0", [.move(p(0, 0)), .quad(control: p(10, 10), end: p(20, 0)), .quad(control: p(30, -10), end: p(40, 0)),
                                       .quad(control: p(50, 10), end: p(60, 0))]),
        // Numbers touch at signs and second decimal points.
        ("M0-1.5.5.5e1", [.move(p(0, -1.5)), .line(p(0.5, 5))]),
        // After Z a relative command starts from the subpath's start.
        ("M10 10 l10 0 z l0 10", [.move(p(10, 10)), .line(p(20, 10)), .close, .line(p(10, 20))]),
        ("M10 10 l10 0 z m5 5 l1 0", [.move(p(10, 10)), .line(p(20, 10)), .close, .move(p(15, 15)), .line(p(16, 15))]),
        // Errors keep the prefix that parsed.
        ("M10 10 L20 20 L30", [.move(p(10, 10)), .line(p(20, 20))]),
        ("M10 10 L20 20 X 5 5", [.move(p(10, 10)), .line(p(20, 20))]),
        ("M1 1 L2 2 Z 3 3", [.move(p(1, 1)), .line(p(2, 2)), .close]),
        ("L10 10", []),
        ("", []),
        ("M 1e400 0 L 1 1", []),
        // A zero radius makes an arc a straight line.
        ("M0 0 A0 5 0 0 1 10 0", [.move(p(0, 0)), .line(p(10, 0))]),
    ]

    @Test(arguments: SVGPathDataTests.table)
    func parsesCommands(data: String, expected: [Path.Element]) {
        #expect(SVGPathData.parse(data).path == SVGPathDataTests.path(expected), "\(data)")
    }

    /// Every point of the flattened path, after its initial move.
    static func points(of data: String) -> [Point] {
        SVGPathData.parse(data).path.flattened(tolerance: 0.01).flatMap(\.points)
    }

    @Test(arguments: ["M0 0 A10 10 0 0 1 20 0", "M0 0 a10,10 0 0,120,0", "M0 0 A1 1 0 0 1 20 0", "M0 0 A10 10 90 0 1 20 0"])
    func semicircleArcsGoThroughTheTop(data: String) throws {
        // From (0,0) to (20,0) with the sweep flag set the arc turns clockwise on screen: over the top.
        let points = SVGPathDataTests.points(of: data)
        for point in points {
            let radius = ((point.x - 10) * (point.x - 10) + point.y * point.y).squareRoot()
            #expect(abs(radius - 10) < 0.02, "\(data): \(point)")
        }
        let top = try #require(points.min { $0.y < $1.y })
        #expect(abs(top.y + 10) < 0.02 && abs(top.x - 10) < 0.1)
        #expect(try #require(points.last) == Point(x: 20, y: 0))
        // Two quarter-circle cubics.
        #expect(SVGPathData.parse(data).path.elements.count == 3)
    }

    @Test func largeArcFlagTakesTheLongWayRound() throws {
        // Radius-10 circles through (0,0) and (10,0) are centred at (5, ±8.66). Clockwise on screen
        // (sweep 1), the small arc bulges 1.34 above the chord and the large one 18.66 (300°).
        let large = SVGPathDataTests.points(of: "M0 0 A10 10 0 1 1 10 0")
        let small = SVGPathDataTests.points(of: "M0 0 A10 10 0 0 1 10 0")
        let largeTop = try #require(large.map(\.y).min())
        let smallTop = try #require(small.map(\.y).min())
        #expect(abs(largeTop + 18.66) < 0.05)
        #expect(abs(smallTop + 1.34) < 0.05)
        #expect(SVGPathData.parse("M0 0 A10 10 0 1 1 10 0").path.elements.count == 5)
    }

    @Test func parsingStopsAtTheCommandLimit() {
        let data = "M0 0" + String(repeating: " l1 1", count: 50)
        let parsed = SVGPathData.parse(data, limit: 10)
        #expect(parsed.commands == 10)
        #expect(parsed.path.elements.count == 10)
        #expect(SVGPathData.parse(data).commands == 51)
    }

    @Test func everySplitOfAPathParsesAPrefix() {
        // Cutting the data anywhere gives a prefix of the full path's elements, never garbage.
        let data = "M2 3c1.5-2 4 0 4 2s-1 3-2 3q-1 0-2-1t-1-2a2 2 0 1 0 4 0h3v-2l-1 1z"
        let full = SVGPathData.parse(data).path.elements
        let bytes = Array(data.utf8)
        for cut in 0...bytes.count {
            let prefix = SVGPathData.parse(String(decoding: bytes[..<cut], as: UTF8.self)).path.elements
            #expect(prefix.count <= full.count)
            // Only the last element may differ (a number cut short parses as a shorter number).
            #expect(Array(prefix.dropLast()) == Array(full.prefix(Swift.max(0, prefix.count - 1))), "cut at \(cut)")
        }
    }
}
