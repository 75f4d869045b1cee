import Testing
@testable import Render

struct RendererTests {
    static var renderer: Renderer { LaidOut.renderer }

    /// Records the display list of a document.
    private func paint(_ html: String, width: Int = 400, height: Int = 300) throws -> (LaidOut, [DisplayList.Item]) {
        let page = try LaidOut(html, width: width, height: height)
        var painter = Painter(boxes: page.scene.boxes, width: width, height: height)
        painter.paint()
        return (page, painter.output.items)
    }

    /// Solid fills in paint order, as colors.
    private func fills(_ items: [DisplayList.Item]) -> [Color] {
        items.compactMap { item in
            if case .fill(_, _, .solid(let color)) = item { return color }
            return nil
        }
    }

    private let red = Color(red: 1, green: 0, blue: 0)
    private let lime = Color(red: 0, green: 1, blue: 0)
    private let blue = Color(red: 0, green: 0, blue: 1)

    /// Dithering changes the pixels of an opaque linear gradient, so it changes the version (and with
    /// it every cache key) too.
    @Test func ditheredGradientsDifferAndChangeTheVersion() throws {
        let dithering = try Renderer(fonts: FontConfiguration(), images: ImageLoader(), deadline: .seconds(3600),
                                     dithersGradients: true)
        #expect(dithering.version != Self.renderer.version)
        #expect(dithering.version.hasSuffix("+dither"))
        let html = "<body style='margin:0;background:linear-gradient(90deg,#101828,#1e293b)'></body>"
        let plain = try Self.renderer.render(html: html, width: 300, height: 40, encoding: .png)
        let dithered = try dithering.render(html: html, width: 300, height: 40, encoding: .png)
        #expect(plain.bytes != dithered.bytes)
        // Undithered, a horizontal gradient's rows are identical; dithered, row 0 and row 1 differ.
        let rows = try PNGDecoder.decode(dithered.bytes, maxPixels: 12_000).rgba
        #expect(Array(rows[0..<1200]) != Array(rows[1200..<2400]))
        let flat = try PNGDecoder.decode(plain.bytes, maxPixels: 12_000).rgba
        #expect(Array(flat[0..<1200]) == Array(flat[1200..<2400]))
    }

    @Test func versionIncludesFontFingerprint() {
        #expect(Self.renderer.version.hasPrefix(Renderer.engineVersion))
        #expect(Self.renderer.version.count > Renderer.engineVersion.count)
    }

    @Test(arguments: [(0, 10), (10, 0), (4097, 10), (10, 5000), (-1, -1)])
    func rejectsSizesOutOfRange(width: Int, height: Int) {
        #expect(throws: RenderError.invalidInput("width and height must be between 1 and 4096")) {
            try Self.renderer.render(html: "<p>x</p>", width: width, height: height, encoding: .png)
        }
    }

    @Test func jpegAndWebPEncode() throws {
        let jpeg = try Self.renderer.render(html: "x", width: 10, height: 10, encoding: .jpeg(quality: 80))
        #expect(jpeg.bytes.starts(with: [0xFF, 0xD8, 0xFF]))
        let webp = try Self.renderer.render(html: "x", width: 10, height: 10, encoding: .webp(quality: 80))
        #expect(webp.bytes.starts(with: Array("RIFF".utf8)) && webp.bytes[8..<12].elementsEqual("WEBP".utf8))
    }

    @Test func limitsSurfaceAsInvalidInput() {
        let deep = String(repeating: "<span>", count: 300)
        #expect(throws: RenderError.self) { try Self.renderer.render(html: deep, width: 10, height: 10, encoding: .png) }
    }

    @Test func renderReportsWarnings() throws {
        let output = try Self.renderer.render(html: "<div style='clip-path:circle(5px)'>x</div>", width: 50, height: 50, encoding: .png)
        #expect(output.warnings == ["unsupported property 'clip-path'"])
    }

    @Test func bodyBackgroundPropagatesToTheCanvas() throws {
        let (_, items) = try paint("<body style='background:#00ff00;margin:20px'><div style='height:10px;background:red'></div></body>")
        // The opaque canvas fill takes the place of the canvas's white (`DisplayList.append`).
        guard case .fill(let rect, _, .solid(let color)) = items[0] else { Issue.record("no canvas fill"); return }
        #expect(rect == Rect(x: 0, y: 0, width: 400, height: 300))
        #expect(color == lime)
        #expect(fills(items) == [lime, red])
    }

    @Test func positionedDescendantsPaintAfterInFlowAndByZIndex() throws {
        let (_, items) = try paint("""
        <body style="margin:0">
        <div style="position:absolute;z-index:2;width:10px;height:10px;background:red"></div>
        <div style="position:absolute;z-index:-1;top:40px;width:10px;height:10px;background:lime"></div>
        <div style="height:10px;background:blue"></div>
        <div style="position:relative;width:10px;height:10px;background:#000"></div>
        </body>
        """)
        #expect(fills(items) == [.white, lime, blue, .black, red])
    }

    @Test func overflowHiddenClipsChildrenWithInnerRadius() throws {
        let (_, items) = try paint("""
        <div style="overflow:hidden;width:100px;height:50px;border:5px solid red;border-radius:20px"><p>text</p></div>
        """)
        let clip = items.lastIndex { if case .pushClip = $0 { return true }; return false }
        let text = items.firstIndex { if case .text = $0 { return true }; return false }
        let pop = items.lastIndex { if case .popClip = $0 { return true }; return false }
        #expect(clip != nil && text != nil && pop != nil)
        #expect(clip! < text! && text! < pop!)
        if case .pushClip(let rect, let radii) = items[clip!] {
            #expect(rect == Rect(x: 13, y: 13, width: 100, height: 50))
            #expect(radii == CornerRadii(all: 15))
        }
    }

    @Test func radiiAreScaledToFit() throws {
        let (_, items) = try paint("<div style='width:100px;height:40px;background:red;border-radius:50%'></div>")
        guard case .fill(_, let radii, _) = items.last else { Issue.record("no fill"); return }
        // Percentages resolve per axis (CSS Backgrounds 3 §5.1): an ellipse, as Chromium draws it.
        #expect(radii == CornerRadii(horizontal: (50, 50, 50, 50), vertical: (20, 20, 20, 20)))
    }

    @Test func opacityIsCompositedAsAGroup() throws {
        let (page, items) = try paint("<div style='opacity:0.5;background:#ff0000'><span style='color:#00f'>x</span></div>")
        #expect(fills(items).last == red)
        let paragraph = try #require(page.scene.boxes.first { $0.kind == .paragraph })
        #expect(paragraph.spans.first?.color == blue)
        #expect(items.contains { if case .endLayer(let effects) = $0 { effects.opacity == 0.5 } else { false } })
    }

    @Test func gradientBackgroundsUseTheBoxGeometry() throws {
        let (_, items) = try paint("<body style='margin:0'><div style='width:200px;height:100px;background-image:linear-gradient(to right, red, blue)'></div></body>")
        guard case .fill(let rect, _, .linearGradient(let angle, let stops)) = items.last else { Issue.record("no gradient"); return }
        #expect(rect == Rect(x: 0, y: 0, width: 200, height: 100))
        #expect(angle == 90)
        #expect(stops == [GradientStop(color: red, position: 0), GradientStop(color: blue, position: 1)])
    }

    @Test func overflowBeyondTheViewportIsKept() throws {
        let (page, _) = try paint("<div id=big style='width:5000px;height:5000px'></div>")
        #expect(page.frame("big")?.width == 5000)
    }
}
