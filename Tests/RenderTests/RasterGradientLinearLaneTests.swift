import Testing
@testable import Render

/// Linear rows of `GradientShader` (repeating linear gradients) filled four columns at a time
/// must give exactly the one-pixel lookup, for clamped and repeating ramps, on every start and
/// end remainder and on slopes steep enough to leave the lane floor's range.
struct RasterGradientLinearLaneTests {
    private typealias S = RasterTestSupport
    private static let stripes = [GradientStop(color: S.red, position: 0), GradientStop(color: S.red, position: 0.5),
                                  GradientStop(color: S.blue, position: 0.5), GradientStop(color: Color(red: 0, green: 0, blue: 1, alpha: 0.3), position: 1)]
    private static let fade = [GradientStop(color: .white, position: 0.2), GradientStop(color: S.blue, position: 0.7)]

    static let geometries: [GradientShader.Geometry] = [
        .linear(origin: 0.1, dx: 0.013, dy: 0.004),
        .linear(origin: -3.25, dx: -0.071, dy: 0.0),
        .linear(origin: 0.5, dx: 1.0 / 3.0, dy: -0.25),
        .linear(origin: 2e14, dx: 3e13, dy: 1),
        .linear(origin: 0, dx: 0, dy: 1e-3),
    ]

    @Test(arguments: geometries, [false, true])
    func rowsMatchTheOnePixelLookup(geometry: GradientShader.Geometry, repeating: Bool) throws {
        guard case .linear(let origin, let dx, let dy) = geometry else { return }
        for stops in [Self.stripes, Self.fade] {
            let shader = try #require(GradientShader(geometry: geometry, stops: stops, repeating: repeating, lineLength: 97))
            var row = [UInt32](repeating: 0, count: 67)
            for y in [0, 5, 33] {
                for (start, end) in [(0, 67), (1, 66), (2, 9), (3, 3), (13, 18)] {
                    row.withUnsafeMutableBufferPointer { shader.fill(row: y, from: start, to: end, into: $0.baseAddress!) }
                    let base = origin + dy * (Double(y) + 0.5)
                    for x in start..<end {
                        #expect(row[x] == shader.ramp.color(at: base + dx * (Double(x) + 0.5)), "x \(x) y \(y)")
                    }
                }
            }
        }
    }
}
