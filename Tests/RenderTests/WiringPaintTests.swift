import Testing
@testable import Render

/// The painter's stacking contexts, opacity groups and canvas background, and the CSS values paint reads.
struct WiringPaintTests {
    private func items(_ html: String, width: Int = 400, height: Int = 300) throws -> [DisplayList.Item] {
        let page = try LaidOut(html, width: width, height: height)
        var painter = Painter(boxes: page.scene.boxes, width: width, height: height)
        painter.paint()
        return painter.output.items
    }

    private func layerOpacities(_ items: [DisplayList.Item]) -> [Double] {
        items.compactMap { if case .endLayer(let effects) = $0 { effects.opacity } else { nil } }
    }

    @Test func unpositionedBoxesWithEffectsGetLayers() throws {
        let list = try items("""
        <div style='filter:blur(2px);background:red;height:10px'></div>
        <div style='transform:rotate(10deg);background:blue;height:10px'></div>
        <div style='background:lime;height:10px'></div>
        """)
        #expect(list.filter { if case .beginLayer = $0 { true } else { false } }.count == 2)
        #expect(layerOpacities(list) == [1, 1])
    }

    @Test func nestedOpacityMultipliesThroughLayers() throws {
        let list = try items("""
        <div style='opacity:0.5;background:blue;height:20px'><div style='opacity:0.5;background:red;height:10px'></div></div>
        """)
        // The inner group is one fill, faded in place; the outer one holds two fills and keeps its layer.
        #expect(layerOpacities(list) == [0.5])
        let fills = list.compactMap { if case .fill(_, _, .solid(let color)) = $0 { color } else { nil } }
        #expect(fills.suffix(2) == [Color(red: 0, green: 0, blue: 1), Color(red: 1, green: 0, blue: 0, alpha: 0.5)])
    }

    @Test func anOpacityGroupOfOneShapeFadesItsColorsInstead() throws {
        let list = try items("""
        <div style='opacity:0.5'><div style='opacity:0.5;background:linear-gradient(red, blue);height:10px'></div></div>
        <div style='opacity:0.4;border:3px solid #00ff00;border-radius:50%;height:20px'></div>
        <div style='opacity:0.3'></div>
        """)
        #expect(layerOpacities(list).isEmpty)
        #expect(!list.contains { if case .beginLayer = $0 { true } else { false } })
        let gradientAlphas = list.compactMap { item -> [Double]? in
            if case .fill(_, _, .linearGradient(_, let stops)) = item { stops.map(\.color.alpha) } else { nil }
        }
        #expect(gradientAlphas == [[0.25, 0.25]])
        let borderAlphas = list.compactMap { if case .border(_, _, _, let color) = $0 { color.alpha } else { nil } }
        #expect(borderAlphas == [0.4])
    }

    @Test func anOpacityGroupOfTextOrSeveralShapesKeepsItsLayer() throws {
        let list = try items("""
        <div style='opacity:0.5;font:20px sans-serif'>text</div>
        <div style='opacity:0.5;background:red;border:2px solid blue;height:10px'></div>
        <div style='opacity:0.5;border-style:solid;border-width:2px;border-color:red blue;height:10px'></div>
        """)
        #expect(layerOpacities(list) == [0.5, 0.5, 0.5])
    }

    @Test func anOpacityGroupPaintsAfterInFlowSiblings() throws {
        // A later in-flow sibling's background still paints before the faded box (it is a stacking context).
        let list = try items("""
        <div style='opacity:0.5;background:#ff0000;height:10px'></div><div style='background:#0000ff;height:10px'></div>
        """)
        let fills = list.compactMap { if case .fill(_, _, .solid(let color)) = $0 { color } else { nil } }
        // The faded box is one fill, so its group is folded into the fill's color.
        #expect(fills.suffix(2) == [Color(red: 0, green: 0, blue: 1), Color(red: 1, green: 0, blue: 0, alpha: 0.5)])
    }

    @Test func aBodyWithOnlyARadialGradientPaintsTheCanvas() throws {
        let list = try items("<body style='background:radial-gradient(circle, red, blue)'><p>x</p></body>")
        let canvasFills = list.filter {
            if case .fill(let rect, _, let paint) = $0, rect == Rect(x: 0, y: 0, width: 400, height: 300) {
                if case .solid = paint { return false }
                return true
            }
            return false
        }
        #expect(canvasFills.count == 1)
    }

    @Test func unquotedURLKeepsADataURIWhole() {
        let uri = "data:image/png;base64,iVBORw0KGgo+AAA/BBB="
        #expect(CSSComponent.parse("url(\(uri)) no-repeat") == [.function("url", [.string(uri)]), .whitespace, .ident("no-repeat")])
        #expect(CSSComponent.parse("url( 'a b.png' )") == [.function("url", [.string("a b.png")])])
        #expect(CSSComponent.parse("URL(x.png )") == [.function("url", [.string("x.png")])])
    }

    @Test func unquotedDataURIBackgroundSurvivesTheDeclarationParser() throws {
        let page = try LaidOut("<div id=d style='background-image:url(data:image/png;base64,AAAA);height:10px'></div>")
        #expect(page.box("d")?.style.paint.backgroundLayers == [.image("data:image/png;base64,AAAA")])
    }

    @Test func roundedFullIsScaledToThePill() throws {
        let list = try items("<div class='rounded-full' style='width:100px;height:40px;background:red'></div>")
        guard case .fill(_, let radii, _) = list.last else { Issue.record("no fill"); return }
        #expect(radii == CornerRadii(all: 20))
    }
}
