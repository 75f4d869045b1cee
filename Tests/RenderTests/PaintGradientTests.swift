import Testing
@testable import Render

struct PaintGradientTests {
    private let context = LengthContext(fontSize: 10, rootFontSize: 16, viewportWidth: 1000, viewportHeight: 500)

    private func layer(_ css: String) -> BackgroundLayer? {
        let items = CSSComponent.parse(css).withoutWhitespace
        guard items.count == 1 else { return nil }
        return BackgroundLayer.parse(items[0], context: context)
    }

    @Test func radialArgumentsParse() throws {
        guard case .radial(let value)? = layer("radial-gradient(circle 40px at left 30%, red, blue 80%)") else {
            Issue.record("not radial"); return
        }
        #expect(value.circle && value.size == .lengths(.px(40), .px(40)))
        #expect(value.position == PositionValue(x: .percent(0), y: .percent(30)))
        #expect(value.stops.count == 2 && value.stops[1].position == .percent(80))
        guard case .radial(let plain)? = layer("repeating-radial-gradient(red, blue 10px)") else { Issue.record("not radial"); return }
        #expect(!plain.circle && plain.size == .farthestCorner && plain.repeating && plain.position == .center)
        guard case .radial(let keyword)? = layer("radial-gradient(closest-side ellipse at top, red, blue)") else { Issue.record("not radial"); return }
        #expect(keyword.size == .closestSide && keyword.position == PositionValue(x: .percent(50), y: .percent(0)))
    }

    @Test(arguments: ["radial-gradient(circle 10%, red, blue)", "radial-gradient(square, red, blue)", "radial-gradient(red)",
                      "conic-gradient(from 1px, red, blue)", "radial-gradient(circle at nowhere, red, blue)"])
    func invalidGradientsAreRejected(css: String) {
        #expect(layer(css) == nil)
    }

    @Test func conicAnglesBecomeTurnFractions() throws {
        guard case .conic(let value)? = layer("conic-gradient(from 0.25turn at 10px 20px, red 90deg, blue 50%)") else {
            Issue.record("not conic"); return
        }
        #expect(value.startAngle == 90 && value.position == PositionValue(x: .px(10), y: .px(20)))
        #expect(value.stops[0].position == .percent(25) && value.stops[1].position == .percent(50))
    }

    @Test func backgroundWithRadialLayersReplacesEarlierLayers() throws {
        let html = """
            <style>#a { background: radial-gradient(red, blue), linear-gradient(red, blue), #00ff00 } #b { background: radial-gradient(red, blue) }</style>
            <div id=a style='height:10px'></div><div id=b style='height:10px;background:red'></div>
            """
        let page = try LaidOut(html, width: 100, height: 100)
        let styled = page.scene.boxes.filter { $0.element != nil }.map(\.style)
        let a = try #require(styled.first { $0.paint.backgroundLayers.count == 2 })
        #expect(a.backgroundColor == .color(Color(red: 0, green: 1, blue: 0)))
        #expect(a.backgroundGradients.count == 1)
        // An inline `background: red` wins over #b's radial layers.
        #expect(styled.filter { $0.paint.backgroundLayers.count == 1 }.isEmpty)
    }

    @Test func radialSizesResolveAgainstTheBox() throws {
        let rect = Rect(x: 0, y: 0, width: 200, height: 100)
        func radial(_ css: String) throws -> GradientShader.Geometry {
            let value = try #require(layer(css))
            guard case .gradient(let geometry, _, _, _)? = Painter.paint(for: value, in: rect, currentColor: .black, opacity: 1) else {
                throw CancellationError()
            }
            return geometry
        }
        let closest: GradientShader.Geometry = try radial("radial-gradient(circle closest-side, red, blue)")
        #expect(closest == .radial(centerX: 100, centerY: 50, radiusX: 50, radiusY: 50))
        let farthest: GradientShader.Geometry = try radial("radial-gradient(farthest-side at 0 0, red, blue)")
        #expect(farthest == .radial(centerX: 0, centerY: 0, radiusX: 200, radiusY: 100))
        let corner = try radial("radial-gradient(circle, red, blue)")
        let diagonal: Double = (12_500.0).squareRoot()
        #expect(corner == .radial(centerX: 100, centerY: 50, radiusX: diagonal, radiusY: diagonal))
    }
}
