import Testing
@testable import Render

/// An opacity group of one shape is drawn with faded colors instead of through a layer; the two
/// must give the same picture, up to rounding: the layer rounds each pixel to 8 bits twice (drawn,
/// then scaled by the opacity) where the faded color rounds once, so a channel may differ by two.
struct OpacityFoldingTests {
    private static let shapes: [DisplayList.Item] = [
        .fill(Rect(x: 20.5, y: 10.25, width: 150, height: 100), CornerRadii(all: 40), .solid(Color(red: 0.9, green: 0.3, blue: 0.1))),
        .fill(Rect(x: 10, y: 5, width: 170, height: 110), CornerRadii(all: 12),
              .linearGradient(angle: 30, stops: [GradientStop(color: Color(red: 0.2, green: 0.4, blue: 1), position: 0),
                                                 GradientStop(color: Color(red: 1, green: 1, blue: 0, alpha: 0.5), position: 1)])),
        .fill(Rect(x: 0, y: 0, width: 200, height: 130), .zero,
              .gradient(.radial(centerX: 60, centerY: 50, radiusX: 90, radiusY: 70),
                        stops: [GradientStop(color: .white, position: 0), GradientStop(color: Color(red: 0.1, green: 0.6, blue: 0.3), position: 1)],
                        repeating: false, lineLength: 90)),
        .border(Rect(x: 30.25, y: 12.5, width: 140, height: 100), CornerRadii(all: 50), EdgeWidths(top: 14, right: 14, bottom: 14, left: 14),
                Color(red: 0.3, green: 0.2, blue: 0.9, alpha: 0.8)),
    ]

    /// The items drawn over a busy background, as `DisplayList.replay` draws these kinds.
    private func render(_ items: [DisplayList.Item]) -> [UInt8] {
        let canvas = RasterTestSupport.card(width: 200, height: 130)
        for item in items {
            switch item {
            case .fill(let rect, let radii, let paint): canvas.fill(rect, radii: radii, paint: paint)
            case .border(let rect, let radii, let widths, let color): canvas.strokeBorder(rect, radii: radii, widths: widths, color: color)
            case .beginLayer: canvas.pushLayer()
            case .endLayer(let effects): canvas.popLayer(effects)
            default: Issue.record("unexpected item \(item)")
            }
        }
        return canvas.pixels
    }

    @Test(arguments: 0..<4, [0.6, 0.25, 0.0])
    func aFoldedGroupMatchesItsLayer(shape: Int, opacity: Double) throws {
        let item = Self.shapes[shape]
        var effects = LayerEffects()
        effects.opacity = opacity
        let layered = render([.beginLayer, item, .endLayer(effects)])
        let folded = DisplayList()
        folded.append(.beginLayer)
        folded.append(item)
        #expect(folded.foldOpacityGroup(beganAt: 0, opacity: opacity))
        #expect(folded.items.count == 1)
        let faded = render(folded.items)
        let largest = zip(layered, faded).map { abs(Int($0) - Int($1)) }.max() ?? 0
        #expect(largest <= 2, "shape \(shape) at opacity \(opacity): channels differ by up to \(largest)")
    }
}
