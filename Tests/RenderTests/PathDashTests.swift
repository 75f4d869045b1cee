import Testing
@testable import Render

struct PathDashTests {
    typealias S = RasterTestSupport

    static func polyline(_ points: [(Double, Double)], closed: Bool = false) -> Path.Polyline {
        Path.Polyline(points: points.map { Point(x: $0.0, y: $0.1) }, isClosed: closed)
    }

    /// The x ranges of dashes along a horizontal line.
    static func spans(_ dashes: [Path.Polyline]) -> [[Double]] {
        dashes.map { [$0.points.first!.x, $0.points.last!.x] }
    }

    @Test func patternRepeatsAlongALine() throws {
        let dasher = try #require(PathDasher(dashes: [4, 2], offset: 0))
        let dashes = try #require(dasher.dashes(of: [PathDashTests.polyline([(0, 0), (15, 0)])]))
        #expect(PathDashTests.spans(dashes) == [[0, 4], [6, 10], [12, 15]])
    }

    @Test func offsetShiftsThePatternAndOddListsRepeat() throws {
        let shifted = try #require(PathDasher(dashes: [4, 2], offset: 3)?.dashes(of: [PathDashTests.polyline([(0, 0), (12, 0)])]))
        #expect(PathDashTests.spans(shifted) == [[0, 1], [3, 7], [9, 12]])
        let negative = try #require(PathDasher(dashes: [4, 2], offset: -1)?.dashes(of: [PathDashTests.polyline([(0, 0), (8, 0)])]))
        #expect(PathDashTests.spans(negative) == [[1, 5], [7, 8]])
        // [3] means 3 on, 3 off.
        let odd = try #require(PathDasher(dashes: [3], offset: 0)?.dashes(of: [PathDashTests.polyline([(0, 0), (10, 0)])]))
        #expect(PathDashTests.spans(odd) == [[0, 3], [6, 9]])
    }

    @Test func dashesFollowCornersAndClosedSubpaths() throws {
        // A 10×10 square, 25 on and 5 off: the first dash turns two corners, the second runs up
        // the left side to where the subpath ends.
        let square = PathDashTests.polyline([(0, 0), (10, 0), (10, 10), (0, 10)], closed: true)
        let dashes = try #require(PathDasher(dashes: [25, 5], offset: 0)?.dashes(of: [square]))
        #expect(dashes.count == 2)
        #expect(dashes[0].points.map { [$0.x, $0.y] } == [[0, 0], [10, 0], [10, 10], [5, 10]])
        #expect(dashes[1].points.map { [$0.x, $0.y] } == [[0, 10], [0, 0]])
    }

    @Test func solidPatternsAndRunawayCountsAreRefused() {
        #expect(PathDasher(dashes: [], offset: 0) == nil)
        #expect(PathDasher(dashes: [0, 0], offset: 0) == nil)
        #expect(PathDasher(dashes: [2, -1], offset: 0) == nil)
        #expect(PathDasher(dashes: [.infinity, 1], offset: 0) == nil)
        let tiny = PathDasher(dashes: [0.001, 0.001], offset: .nan)
        #expect(tiny?.dashes(of: [PathDashTests.polyline([(0, 0), (1000, 0)])]) == nil)
    }

    @Test func dashedStrokeCoversTheDashesOnly() {
        let canvas = Canvas(width: 40, height: 10)
        var path = Path()
        path.move(to: Point(x: 0, y: 5))
        path.line(to: Point(x: 40, y: 5))
        canvas.stroke(path, style: PathStrokeStyle(width: 2, dashes: [6, 4]), color: .white)
        #expect(abs(PathFillTests.coveredArea(canvas) - 4 * 6 * 2) < 0.01)
        #expect(S.rgba(canvas, 3, 5)[3] == 255)
        #expect(S.rgba(canvas, 8, 5)[3] == 0)
        // Round caps on zero-length dashes make dots.
        let dots = Canvas(width: 40, height: 10)
        dots.stroke(path, style: PathStrokeStyle(width: 4, lineCap: .round, dashes: [0, 10], dashOffset: -5), color: .white)
        #expect(abs(PathFillTests.coveredArea(dots) - 4 * 4 * Double.pi) < 0.5)
        #expect(S.rgba(dots, 5, 5)[3] == 255)
        #expect(S.rgba(dots, 10, 5)[3] == 0)
    }
}
