import Testing
@testable import Render
import Foundation

/// The four-lane radial and conic rows, the flat outside of radial ramps and the lane-wise ramp
/// lookup must give exactly the colors of the one-pixel formulas they replace.
struct RasterGradientLaneTests {
    private typealias S = RasterTestSupport
    private static let clearEnd = [GradientStop(color: Color(red: 0.6, green: 0.7, blue: 1), position: 0),
                                   GradientStop(color: Color(red: 0, green: 0, blue: 0, alpha: 0), position: 0.6)]
    private static let fourColors = [GradientStop(color: S.red, position: 0), GradientStop(color: .white, position: 0.3),
                                     GradientStop(color: S.blue, position: 0.55), GradientStop(color: S.red, position: 1)]
    private static let band = [GradientStop(color: S.red, position: 0.1), GradientStop(color: S.blue, position: 0.35)]
    private static let single = [GradientStop(color: S.blue, position: 0.5)]

    /// Each geometry with each stop list, clamped and repeating.
    static let cases: [(GradientShader.Geometry, Int)] = {
        let geometries: [GradientShader.Geometry] = [
            .radial(centerX: 0, centerY: 0, radiusX: 110, radiusY: 110),
            .radial(centerX: 61.3, centerY: 40.7, radiusX: 37.5, radiusY: 12.25),
            .radial(centerX: -30, centerY: 90, radiusX: 9, radiusY: 200),
            .radial(centerX: 1e7, centerY: 5, radiusX: 3e6, radiusY: 4),
            .conic(centerX: 50, centerY: 40, startAngle: 0),
            .conic(centerX: 50.5, centerY: 40.5, startAngle: .pi / 6),
            .conic(centerX: -20.25, centerY: 17, startAngle: -7.5),
            .conic(centerX: 130, centerY: -3, startAngle: 2e13),
            // Row 35 runs through the centre (dy = 0) and column 64 crosses it (dx = 0).
            .conic(centerX: 64.5, centerY: 35.5, startAngle: 1),
            .conic(centerX: 64.5, centerY: 35.5, startAngle: -0.0),
        ]
        return geometries.flatMap { g in (0..<8).map { (g, $0) } }
    }()

    @Test(arguments: cases)
    func rowsMatchTheOnePixelFormula(geometry: GradientShader.Geometry, variant: Int) throws {
        let stopLists = [Self.clearEnd, Self.fourColors, Self.band, Self.single]
        let shader = try #require(GradientShader(geometry: geometry, stops: stopLists[variant % 4], repeating: variant >= 4,
                                                 lineLength: 150))
        let width = 131
        var row = [UInt32](repeating: 0, count: width)
        for y in stride(from: 0, to: 90, by: 7) {
            // Starts and ends of every remainder modulo four, so the scalar tails run too.
            for (start, end) in [(0, width), (1, 130), (2, 7), (3, 3), (45, 52), (60, 101)] {
                row.withUnsafeMutableBufferPointer { shader.fill(row: y, from: start, to: end, into: $0.baseAddress!) }
                for x in start..<end {
                    #expect(row[x] == Self.reference(shader, x: x, y: y), "x \(x) y \(y)")
                }
            }
        }
    }

    /// The formulas as they were before rows were split into lanes and flat runs.
    private static func reference(_ shader: GradientShader, x: Int, y: Int) -> UInt32 {
        let px = Double(x) + 0.5, py = Double(y) + 0.5
        switch shader.geometry {
        case .radial(let cx, let cy, let rx, let ry):
            let u = (px - cx) * (1 / rx), v = (py - cy) / ry
            return shader.ramp.color(at: (u * u + v * v).squareRoot())
        case .conic(let cx, let cy, let start):
            let turn = 2 * Double.pi
            var angle = GradientShader.arctangent(px - cx, -(py - cy)) - start
            angle -= turn * (angle * (1 / turn)).rounded(.down)
            return shader.ramp.color(at: angle * (1 / turn))
        case .linear(let origin, let dx, let dy):
            return shader.ramp.color(at: origin + dy * py + dx * px)
        }
    }

    @Test(arguments: [false, true])
    func laneLookupMatchesOneLookupAtATime(repeating: Bool) throws {
        for size in [2, 256, 1000, 4096] {
            let ramp = try #require(GradientRamp(stops: Self.fourColors.map { GradientStop(color: $0.color, position: $0.position * 0.8 + 0.1) },
                                                 repeating: repeating, size: size))
            var values: [Double] = [-2.5, -1, -0.0, 0, 0.1, 0.5, 0.9, 1, 1.0000001, 3.75, 1e14, -1e14, 1e16, -1e300,
                                    .infinity, -.infinity, .nan, .ulpOfOne, 1 - .ulpOfOne / 2]
            // Values on and beside the table's rounding boundaries.
            for i in stride(from: 0, to: size, by: Swift.max(1, size / 37)) {
                let boundary = (Double(i) + 0.5) / Double(size - 1)
                values += [boundary, boundary.nextUp, boundary.nextDown]
            }
            while values.count % 4 != 0 { values.append(0.25) }
            var out = [UInt32](repeating: 0, count: 4)
            for chunk in stride(from: 0, to: values.count, by: 4) {
                let t = SIMD4<Double>(values[chunk], values[chunk + 1], values[chunk + 2], values[chunk + 3])
                out.withUnsafeMutableBufferPointer { ramp.store(colorsAt: t, into: $0.baseAddress!) }
                for lane in 0..<4 { #expect(out[lane] == ramp.color(at: t[lane]), "t \(t[lane]) size \(size)") }
            }
        }
    }

    @Test func flatFromStartsTheLastRunOfTheTable() throws {
        let ramp = try #require(GradientRamp(stops: Self.clearEnd, repeating: false, size: 501))
        #expect(ramp.flatFrom > 0.59 && ramp.flatFrom < 0.61)
        for t in stride(from: ramp.flatFrom, to: 3, by: 0.0007) { #expect(ramp.color(at: t) == 0) }
        #expect(ramp.color(at: ramp.flatFrom - 0.004) != 0)
        #expect(try #require(GradientRamp(stops: Self.band, repeating: true, size: 256)).flatFrom == .infinity)
        #expect(try #require(GradientRamp(stops: Self.single, repeating: false, size: 256)).flatFrom == -.infinity)
    }

    @Test func integerFloorMatchesRoundingDown() {
        let values: [Double] = [0, -0.0, 0.5, -0.5, 1, -1, 2.999999, -2.000001, 1e17, -1e17, 5e18, -5e18, 1e300,
                                .infinity, -.infinity, .ulpOfOne, -.ulpOfOne, Double(Int.max), 4.0e18.nextDown]
        for v in values { #expect(PixelMath.floor(v) == v.rounded(.down), "\(v)") }
        #expect(PixelMath.floor(.nan).isNaN)
    }

    @Test(arguments: [(0.0, 10.0), (0.25, 9.75), (3.5, 3.75), (2.0, 7.0), (4.1, 4.9)])
    func fullColumnsAreThoseTheClipCoversCompletely(left: Double, right: Double) {
        let clip = ClipState(left: left, top: 0, right: right, bottom: 1, mask: nil)
        for x in -1..<12 {
            #expect(clip.fullColumns.contains(x) == (clip.columnCoverage(x) == 255), "x \(x)")
        }
    }

    /// A clip with fractional edges and one on the whole pixels around them cut out the same shadow
    /// area, so inside the columns both cover fully (blended without a clip multiply) the pixels
    /// agree, while on the partly covered edge (blended through `clipCoverage`) they must not.
    @Test(arguments: [false, true])
    func shadowUnderAClipKeepsItsFullyCoveredColumns(inset: Bool) {
        let shadow = BoxShadowPaint(offsetX: 3, offsetY: 5, blur: 24, spread: 2, color: Color(red: 0.1, green: 0.2, blue: 0.5, alpha: 0.6), inset: inset)
        let box = Rect(x: 30.5, y: 20.25, width: 90, height: 50)
        func draw(clip: Rect) -> Canvas {
            let canvas = Canvas(width: 160, height: 110)
            canvas.fill(Rect(x: 0, y: 0, width: 160, height: 110), paint: .solid(Color(red: 0.9, green: 0.9, blue: 0.8)))
            canvas.pushClip(clip)
            canvas.drawBoxShadow(shadow, border: box, radii: CornerRadii(all: 12), padding: box, paddingRadii: CornerRadii(all: 12))
            canvas.popClip()
            return canvas
        }
        let whole = draw(clip: Rect(x: 40, y: 30, width: 71, height: 61))
        let clipped = draw(clip: Rect(x: 40.4, y: 30.6, width: 70.3, height: 60.2))
        var edgeDiffers = false
        for y in 31..<90 {
            for x in 41..<110 { #expect(S.rgba(clipped, x, y) == S.rgba(whole, x, y), "x \(x) y \(y)") }
            if S.rgba(clipped, 40, y) != S.rgba(whole, 40, y) { edgeDiffers = true }
        }
        #expect(edgeDiffers)
    }
}
