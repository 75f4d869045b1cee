import Testing
@testable import Render
import Foundation

struct RasterRadialConicTests {
    private typealias S = RasterTestSupport
    private let redToBlue = [GradientStop(color: S.red, position: 0), GradientStop(color: S.blue, position: 1)]

    @Test func radialIsFirstColorAtTheCentreAndLastBeyondTheRadius() {
        let canvas = Canvas(width: 100, height: 100)
        canvas.fill(Rect(x: 0, y: 0, width: 100, height: 100),
                    paint: .gradient(.radial(centerX: 50, centerY: 50, radiusX: 40, radiusY: 20), stops: redToBlue, repeating: false, lineLength: 40))
        #expect(S.close(S.rgba(canvas, 50, 50), [255, 0, 0, 255], within: 8))
        #expect(S.rgba(canvas, 95, 50) == [0, 0, 255, 255])
        // An ellipse: 20 px down is as far along as 40 px across.
        #expect(S.close(S.rgba(canvas, 50, 70), S.rgba(canvas, 90, 50), within: 14))
        #expect(S.close(S.rgba(canvas, 70, 50), [128, 0, 127, 255], within: 10))
    }

    @Test func conicGoesClockwiseFromUp() {
        let canvas = Canvas(width: 100, height: 100)
        canvas.fill(Rect(x: 0, y: 0, width: 100, height: 100),
                    paint: .gradient(.conic(centerX: 50, centerY: 50, startAngle: 0), stops: redToBlue, repeating: false, lineLength: 300))
        let right = S.rgba(canvas, 90, 50)  // a quarter turn
        let below = S.rgba(canvas, 50, 90)  // half a turn
        let left = S.rgba(canvas, 10, 50)   // three quarters
        #expect(right[0] > below[0] && below[0] > left[0])
        #expect(S.close(below, [128, 0, 127, 255], within: 10))
    }

    @Test func repeatingRampWrapsWithItsPeriod() throws {
        let stops = [GradientStop(color: S.red, position: 0.2), GradientStop(color: S.blue, position: 0.4)]
        let ramp = try #require(GradientRamp(stops: stops, repeating: true, size: 256))
        #expect(ramp.color(at: 0.3) == ramp.color(at: 0.7))
        #expect(ramp.color(at: 0.25) == ramp.color(at: -0.15))
        #expect(ramp.color(at: 0.2) != ramp.color(at: 0.3))
        let clamped = try #require(GradientRamp(stops: stops, repeating: false, size: 256))
        #expect(clamped.color(at: -5) == clamped.color(at: 0.1))
        #expect(clamped.color(at: 9) == clamped.color(at: 0.5))
    }

    @Test func zeroRadiusPaintsNothing() {
        let canvas = Canvas(width: 10, height: 10)
        canvas.fill(Rect(x: 0, y: 0, width: 10, height: 10),
                    paint: .gradient(.radial(centerX: 5, centerY: 5, radiusX: 0, radiusY: 5), stops: redToBlue, repeating: false, lineLength: 1))
        #expect(S.rgba(canvas, 5, 5) == [0, 0, 0, 0])
    }
}

struct RasterArctangentTests {
    @Test func matchesLibmWithinATenThousandthOfARadian() {
        var worst: Double = 0
        for i in -60...60 {
            for j in -60...60 {
                let y = Double(i) * 0.37, x = Double(j) * 0.53
                guard x != 0 || y != 0 else { continue }
                var difference = abs(GradientShader.arctangent(y, x) - atan2(y, x))
                // ±π are the same direction.
                if difference > Double.pi { difference = abs(difference - 2 * Double.pi) }
                worst = max(worst, difference)
            }
        }
        #expect(worst < 2e-5)
        #expect(GradientShader.arctangent(0, 0) == 0)
        #expect(abs(GradientShader.arctangent(1, 0) - Double.pi / 2) < 2e-5)
    }
}
