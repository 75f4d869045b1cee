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
