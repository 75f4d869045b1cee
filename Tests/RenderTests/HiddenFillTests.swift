import Testing
@testable import Render

/// A fill that covers the fill before it with opaque paint replaces it in the display list
/// (`DisplayList.append`); the shorter list must draw exactly the pixels of the whole one.
struct HiddenFillTests {
    private static let opaqueGradient = Paint.linearGradient(angle: 135, stops: [
        GradientStop(color: Color(red: 0.06, green: 0.09, blue: 0.16), position: 0),
        GradientStop(color: Color(red: 0.19, green: 0.18, blue: 0.51), position: 1),
    ])
    private static let translucentGradient = Paint.linearGradient(angle: 90, stops: [
        GradientStop(color: .white, position: 0),
        GradientStop(color: Color(red: 1, green: 0, blue: 0, alpha: 0.5), position: 1),
    ])
    private static let radial = Paint.gradient(.radial(centerX: 60, centerY: 40, radiusX: 50, radiusY: 30),
                                               stops: [GradientStop(color: .white, position: 0), GradientStop(color: .black, position: 1)],
                                               repeating: false, lineLength: 50)
    private static let whole = Rect(x: 0, y: 0, width: 120, height: 80)
    private static let red = Paint.solid(Color(red: 0.9, green: 0.2, blue: 0.1))

    /// A fill below, the fill appended over it, and whether the one below is dropped.
    private static let cases: [(below: DisplayList.Item, above: DisplayList.Item, drops: Bool)] = [
        (.fill(whole, .zero, .solid(.white)), .fill(whole, .zero, opaqueGradient), true),
        (.fill(whole, .zero, .solid(.white)), .fill(whole, .zero, red), true),
        (.fill(Rect(x: 10.5, y: 10.25, width: 40, height: 30), CornerRadii(all: 8), red),
         .fill(Rect(x: 10, y: 10, width: 41, height: 31), .zero, .solid(.white)), true),
        // The edge pixels of the one below are only partly covered from above: it shows there.
        (.fill(Rect(x: 10.5, y: 10.25, width: 40, height: 30), .zero, red),
         .fill(Rect(x: 10.5, y: 10.25, width: 40, height: 30), .zero, .solid(.white)), false),
        (.fill(whole, .zero, .solid(.white)), .fill(whole, .zero, translucentGradient), false),
        (.fill(whole, .zero, .solid(.white)), .fill(whole, .zero, .solid(Color(red: 0, green: 0, blue: 1, alpha: 0.99))), false),
        (.fill(whole, .zero, .solid(.white)), .fill(whole, CornerRadii(all: 6), red), false),
        (.fill(whole, .zero, .solid(.white)), .fill(Rect(x: 0, y: 0, width: 120, height: 79), .zero, red), false),
        (.fill(whole, .zero, .solid(.white)), .fill(whole, .zero, radial), false),
    ]

    /// The items drawn over a busy background, as `DisplayList.replay` draws fills.
    private func render(_ items: [DisplayList.Item]) -> [UInt8] {
        let canvas = RasterTestSupport.card(width: 120, height: 80)
        for item in items {
            guard case .fill(let rect, let radii, let paint) = item else {
                Issue.record("unexpected item \(item)")
                continue
            }
            canvas.fill(rect, radii: radii, paint: paint)
        }
        return canvas.pixels
    }

    @Test(arguments: 0..<cases.count)
    func aHiddenFillIsDroppedAndThePictureStaysTheSame(index: Int) {
        let (below, above, drops) = Self.cases[index]
        let list = DisplayList()
        list.append(below)
        list.append(above)
        #expect(list.items.count == (drops ? 1 : 2))
        #expect(render(list.items) == render([below, above]), "case \(index)")
    }

    @Test func onlyTheNeighbouringItemIsReplaced() {
        let list = DisplayList()
        list.append(.fill(Self.whole, .zero, .solid(.white)))
        list.append(.pushClip(Rect(x: 0, y: 0, width: 50, height: 50), .zero))
        list.append(.fill(Self.whole, .zero, Self.red))
        list.append(.popClip)
        list.append(.beginLayer)
        list.append(.fill(Self.whole, .zero, Self.red))
        #expect(list.items.count == 6)
    }

    @Test func anOpaquePageBackgroundReplacesTheCanvasWhite() throws {
        let page = try LaidOut("<body style='margin:0;background:linear-gradient(135deg,#0f172a,#312e81)'><p>x</p></body>",
                               width: 400, height: 300)
        var painter = Painter(boxes: page.scene.boxes, width: 400, height: 300)
        painter.paint()
        guard case .fill(let rect, _, .linearGradient)? = painter.output.items.first else {
            Issue.record("first item: \(String(describing: painter.output.items.first))")
            return
        }
        #expect(rect == Rect(x: 0, y: 0, width: 400, height: 300))

        let translucent = try LaidOut("<body style='background:rgba(0,0,255,0.5)'><p>x</p></body>", width: 400, height: 300)
        var translucentPainter = Painter(boxes: translucent.scene.boxes, width: 400, height: 300)
        translucentPainter.paint()
        guard case .fill(_, _, .solid(let base))? = translucentPainter.output.items.first else {
            Issue.record("first item: \(String(describing: translucentPainter.output.items.first))")
            return
        }
        #expect(base == .white)
    }
}
