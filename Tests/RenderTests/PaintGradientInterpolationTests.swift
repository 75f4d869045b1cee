import Testing
@testable import Render

/// `in oklab` / `in oklch` gradients.
struct PaintGradientInterpolationTests {
    private func gradient(_ css: String) throws -> BackgroundGradient {
        try #require(BackgroundGradient.parse(CSSComponent.parse(css), context: LengthContext(fontSize: 16, rootFontSize: 16, viewportWidth: 100, viewportHeight: 100)))
    }

    @Test func spacesParseBeforeOrAfterTheDirection() throws {
        #expect(try gradient("in oklab 90deg, red, blue").interpolation == .oklab)
        #expect(try gradient("90deg in oklab, red, blue").direction == .angle(90))
        #expect(try gradient("in oklch longer hue, red, blue").interpolation == .oklch(longerHue: true))
        #expect(try gradient("in oklch to right, red, blue").interpolation == .oklch(longerHue: false))
        #expect(try gradient("in srgb, red, blue").interpolation == .srgb)
        #expect(try gradient("red, blue").interpolation == .srgb)
    }

    @Test func oklabMidpointIsNotTheSRGBMidpoint() {
        let red = Color(red: 1, green: 0, blue: 0), blue = Color(red: 0, green: 0, blue: 1)
        let middle = GradientInterpolation.mix(red, blue, weight: 0.5, in: .oklab)
        // Chromium paints (140, 83, 162) at the middle of `linear-gradient(in oklab 90deg, red, blue)`.
        #expect(abs(middle.red * 255 - 140) < 1.5 && abs(middle.green * 255 - 83) < 1.5 && abs(middle.blue * 255 - 162) < 1.5)
        let stops = GradientInterpolation.expand([GradientStop(color: red, position: 0), GradientStop(color: blue, position: 1)], in: .oklab)
        #expect(stops.count == GradientInterpolation.segments + 1)
        #expect(stops.first?.color == red && stops.last?.color == blue)
        // Hue interpolation keeps chroma: the OKLCh midpoint is more saturated than OKLab's.
        let lch = GradientInterpolation.mix(red, blue, weight: 0.5, in: .oklch(longerHue: false))
        #expect(max(lch.red, lch.green, lch.blue) - min(lch.red, lch.green, lch.blue) > max(middle.red, middle.blue) - middle.green)
    }
}

struct RasterGradientDitherTests {
    /// Skia's ordered dither: a ramp between two levels comes out as a mix of both, varying from
    /// row to row, and a flat color stays exact.
    @Test func ditheredRowsMixNeighbouringLevels() throws {
        let stops = [GradientStop(color: Color(red: 15 / 255, green: 0, blue: 0), position: 0),
                     GradientStop(color: Color(red: 16 / 255, green: 0, blue: 0), position: 1)]
        let box = Rect(x: 0, y: 0, width: 64, height: 8)
        let shader = try #require(LinearGradientShader(angle: 90, stops: stops, box: box, dither: true))
        #expect(shader.dithers)
        var rows: [[UInt32]] = []
        for y in 0..<8 {
            var row = [UInt32](repeating: 0, count: 64)
            row.withUnsafeMutableBufferPointer { shader.fill(row: y, from: 0, to: 64, into: $0.baseAddress!) }
            rows.append(row)
        }
        let reds = rows.flatMap { $0.map { $0 & 0xFF } }
        #expect(Set(reds) == [15, 16])
        #expect(rows.allSatisfy { $0.allSatisfy { $0 >> 24 == 255 } })
        #expect(rows[0] != rows[1])
        // Middle columns are about half each.
        let middle = rows.map { $0[32] & 0xFF }
        #expect(middle.contains(15) && middle.contains(16))
        let flat = try #require(LinearGradientShader(angle: 90, stops: [stops[0], GradientStop(color: stops[0].color, position: 1)],
                                                     box: box, dither: true))
        var row = [UInt32](repeating: 0, count: 64)
        row.withUnsafeMutableBufferPointer { flat.fill(row: 3, from: 0, to: 64, into: $0.baseAddress!) }
        #expect(row.allSatisfy { $0 & 0xFF == 15 })
        #expect(LinearGradientShader(angle: 90, stops: stops, box: box)?.dithers == LinearGradientShader.dithersByDefault)
    }
}
