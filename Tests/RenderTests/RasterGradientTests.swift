import Testing
@testable import Render

struct RasterGradientTests {
    typealias S = RasterTestSupport
    static let redToBlue = [GradientStop(color: S.red, position: 0), GradientStop(color: S.blue, position: 1)]

    private func gradient(_ angle: Double, width: Int, height: Int, stops: [GradientStop] = redToBlue) -> Canvas {
        let canvas = Canvas(width: width, height: height)
        canvas.fill(Rect(x: 0, y: 0, width: Double(width), height: Double(height)), paint: .linearGradient(angle: angle, stops: stops))
        return canvas
    }

    @Test func toBottomRunsFromTheFirstStopAtTheTopToTheLastAtTheBottom() {
        let canvas = gradient(180, width: 10, height: 100)
        #expect(S.close(S.rgba(canvas, 0, 0), [255, 0, 0, 255], within: 3))
        #expect(S.close(S.rgba(canvas, 9, 99), [0, 0, 255, 255], within: 3))
        #expect(S.close(S.rgba(canvas, 5, 50), [127, 0, 128, 255], within: 3))
        for y in [0, 37, 99] {
            #expect((0..<10).allSatisfy { S.rgba(canvas, $0, y) == S.rgba(canvas, 0, y) }, "row \(y) is flat")
        }
    }

    @Test func toTopAndToRightFollowTheCSSAngleConvention() {
        let up = gradient(0, width: 10, height: 100)
        #expect(S.close(S.rgba(up, 0, 99), [255, 0, 0, 255], within: 3))
        #expect(S.close(S.rgba(up, 0, 0), [0, 0, 255, 255], within: 3))
        let right = gradient(90, width: 100, height: 10)
        #expect(S.close(S.rgba(right, 0, 5), [255, 0, 0, 255], within: 3))
        #expect(S.close(S.rgba(right, 99, 5), [0, 0, 255, 255], within: 3))
        #expect((0..<10).allSatisfy { S.rgba(right, 40, $0) == S.rgba(right, 40, 0) }, "columns are flat")
        let left = gradient(-90, width: 100, height: 10)
        #expect(S.rgba(left, 0, 5) == S.rgba(gradient(270, width: 100, height: 10), 0, 5))
        #expect(S.close(S.rgba(left, 0, 5), [0, 0, 255, 255], within: 3))
    }

    @Test func toBottomRightPutsTheMidpointOnTheOtherDiagonal() {
        let angle = Paint.cornerAngle(right: true, bottom: true, width: 200, height: 100)
        #expect(abs(angle - (180 - 26.565051177)) < 1e-6)
        let canvas = gradient(angle, width: 200, height: 100)
        #expect(S.close(S.rgba(canvas, 0, 0), [255, 0, 0, 255], within: 4))
        #expect(S.close(S.rgba(canvas, 199, 99), [0, 0, 255, 255], within: 4))
        // The corners joined by the perpendicular diagonal both sit at 50%.
        #expect(S.close(S.rgba(canvas, 199, 0), [127, 0, 128, 255], within: 4))
        #expect(S.close(S.rgba(canvas, 0, 99), [127, 0, 128, 255], within: 4))
        #expect(S.close(S.rgba(canvas, 100, 50), [127, 0, 128, 255], within: 4))
    }

    @Test func diagonalGradientIsTheSameInAClippedOrShiftedFill() {
        // Per-row stepping must agree with the angle whatever column a row starts at.
        let whole = gradient(135, width: 64, height: 64)
        let clipped = Canvas(width: 64, height: 64)
        clipped.pushClip(Rect(x: 17, y: 9, width: 30, height: 40))
        clipped.fill(Rect(x: 0, y: 0, width: 64, height: 64), paint: .linearGradient(angle: 135, stops: Self.redToBlue))
        for (x, y) in [(17, 9), (30, 20), (46, 48)] {
            #expect(S.close(S.rgba(clipped, x, y), S.rgba(whole, x, y), within: 1))
        }
        #expect(S.rgba(clipped, 16, 20) == [0, 0, 0, 0])
    }

    @Test func stopPositionsMakeHardEdges() {
        let stops = [GradientStop(color: S.red, position: 0), GradientStop(color: S.red, position: 0.5),
                     GradientStop(color: S.blue, position: 0.5), GradientStop(color: S.blue, position: 1)]
        let canvas = gradient(180, width: 4, height: 100, stops: stops)
        #expect(S.rgba(canvas, 0, 48) == [255, 0, 0, 255])
        #expect(S.rgba(canvas, 0, 51) == [0, 0, 255, 255])
        // A stop placed before an earlier one is moved up to it (CSS Images 3 §3.4.3).
        let reversed = [GradientStop(color: S.red, position: 0.6), GradientStop(color: S.blue, position: 0.2)]
        let clamped = gradient(180, width: 4, height: 100, stops: reversed)
        #expect(S.rgba(clamped, 0, 55) == [255, 0, 0, 255])
        #expect(S.rgba(clamped, 0, 65) == [0, 0, 255, 255])
    }

    @Test func interpolationIsPremultiplied() {
        // Towards a transparent blue, the colour fades without picking up any blue.
        let stops = [GradientStop(color: S.red, position: 0), GradientStop(color: Color(red: 0, green: 0, blue: 1, alpha: 0), position: 1)]
        let canvas = gradient(90, width: 101, height: 1, stops: stops)
        let middle = S.rgba(canvas, 50, 0)
        #expect(S.close(middle, [128, 0, 0, 128], within: 2))
        #expect(middle[2] == 0)
    }
}
