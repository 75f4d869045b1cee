import Foundation
import Testing
@testable import Render

struct SVGRenderTests {
    struct Image {
        var width: Int
        var rgba: [UInt8]
        var warnings: [String]

        func pixel(_ x: Int, _ y: Int) -> [Int] {
            let offset = (y * width + x) * 4
            return rgba[offset..<offset + 3].map(Int.init)
        }

        /// Pixels whose color is within 8 of `color`.
        func count(_ color: [Int]) -> Int {
            stride(from: 0, to: rgba.count, by: 4).filter { offset in
                (0..<3).allSatisfy { abs(Int(rgba[offset + $0]) - color[$0]) <= 8 }
            }.count
        }
    }

    /// Renders `body` (markup inside a white, margin-free body) and decodes the PNG.
    static func render(_ body: String, width: Int = 100, height: Int = 60) throws -> Image {
        let html = "<body style='margin:0;background:#fff'>\(body)</body>"
        let output = try LaidOut.renderer.render(html: html, width: width, height: height, encoding: .png)
        let decoded = try PNGDecoder.decode(output.bytes, maxPixels: 1 << 20)
        return Image(width: decoded.width, rgba: decoded.rgba, warnings: output.warnings)
    }

    static let white = [255, 255, 255]
    static let red = [255, 0, 0]
    static let blue = [0, 0, 255]

    @Test func filledRectCoversExactlyItsArea() throws {
        let image = try SVGRenderTests.render("<svg width='40' height='20' viewBox='0 0 4 2'><rect x='1' y='0.5' width='2' height='1' fill='#f00'/></svg>")
        for y in 0..<60 {
            for x in 0..<100 {
                let inside = (10..<30).contains(x) && (5..<15).contains(y)
                #expect(image.pixel(x, y) == (inside ? SVGRenderTests.red : SVGRenderTests.white), "pixel \(x),\(y)")
            }
        }
        #expect(!image.warnings.contains { $0.contains("svg") })
    }

    @Test func fillNoneWithStrokeDrawsOnlyTheOutline() throws {
        let image = try SVGRenderTests.render("""
            <svg width="40" height="40" viewBox="0 0 40 40" fill="none" stroke="#00f" stroke-width="4">
              <rect x="10" y="10" width="20" height="20"/>
            </svg>
            """)
        #expect(image.pixel(20, 20) == SVGRenderTests.white)
        #expect(image.pixel(14, 20) == SVGRenderTests.white)
        #expect(image.pixel(10, 20) == SVGRenderTests.blue)
        #expect(image.pixel(8, 20) == SVGRenderTests.blue)
        #expect(image.pixel(6, 20) == SVGRenderTests.white)
        // The ring between the 16- and 24-pixel squares.
        #expect(image.count(SVGRenderTests.blue) == 24 * 24 - 16 * 16)
    }

    @Test func currentColorFollowsTheCSSColor() throws {
        let image = try SVGRenderTests.render("""
            <style>.icon { color: rgb(0, 170, 0); display: block } .icon.warn { color: #f00 }</style>
            <svg class="icon" width="20" height="20" viewBox="0 0 10 10"><circle cx="5" cy="5" r="4" fill="currentColor"/></svg>
            <svg class="icon warn" width="20" height="20" viewBox="0 0 10 10" style="fill: currentColor"><rect width="10" height="10"/></svg>
            """)
        #expect(image.pixel(10, 10) == [0, 170, 0])
        #expect(image.pixel(1, 1) == SVGRenderTests.white)
        #expect(image.pixel(10, 30) == SVGRenderTests.red)
        #expect(image.count(SVGRenderTests.red) == 400)
    }

    @Test func viewBoxIsCentredAndScaledToFit() throws {
        // A 10×10 view box in a 100×50 viewport: scale 5, centred horizontally.
        let image = try SVGRenderTests.render("<svg width='100' height='50' viewBox='0 0 10 10' style='display:block'><rect width='10' height='10' fill='#00f'/></svg>")
        #expect(image.pixel(24, 25) == SVGRenderTests.white)
        #expect(image.pixel(25, 25) == SVGRenderTests.blue)
        #expect(image.pixel(74, 49) == SVGRenderTests.blue)
        #expect(image.pixel(75, 25) == SVGRenderTests.white)
        #expect(image.count(SVGRenderTests.blue) == 50 * 50)
        let stretched = try SVGRenderTests.render("<svg width='100' height='50' viewBox='0 0 10 10' preserveAspectRatio='none' style='display:block'><rect width='10' height='10' fill='#00f'/></svg>")
        #expect(stretched.count(SVGRenderTests.blue) == 100 * 50)
    }

    @Test(arguments: [
        ("xMinYMin meet", 0.0, 0.0, 1.0),
        ("xMaxYMax", 50.0, 0.0, 1.0),
        ("xMidYMid slice", 0.0, -25.0, 2.0),
        ("xMinYMax slice", 0.0, -50.0, 2.0),
    ])
    func preserveAspectRatioAlignsTheViewBox(value: String, x: Double, y: Double, scale: Double) throws {
        let viewBox = try #require(SVGViewBox(viewBox: "0 0 50 50", preserveAspectRatio: value))
        let transform = try #require(viewBox.transform(into: Rect(x: 0, y: 0, width: 100, height: 50)))
        #expect(transform == AffineTransform(a: scale, b: 0, c: 0, d: scale, tx: x, ty: y))
    }

    @Test func viewBoxOffsetsAndBadValues() throws {
        let viewBox = try #require(SVGViewBox(viewBox: "-5,10 20 20", preserveAspectRatio: nil))
        let transform = try #require(viewBox.transform(into: Rect(x: 3, y: 4, width: 40, height: 40)))
        #expect(transform.apply(Point(x: -5, y: 10)) == Point(x: 3, y: 4))
        #expect(transform.apply(Point(x: 15, y: 30)) == Point(x: 43, y: 44))
        #expect(SVGViewBox(viewBox: "0 0 10", preserveAspectRatio: nil) == nil)
        #expect(SVGViewBox(viewBox: "0 0 -1 10", preserveAspectRatio: nil) == nil)
        #expect(try #require(SVGViewBox(viewBox: "0 0 0 10", preserveAspectRatio: nil)).transform(into: transformTarget) == nil)
    }

    private var transformTarget: Rect { Rect(x: 0, y: 0, width: 10, height: 10) }

    @Test func sizeComesFromAttributesCSSAndTheViewBox() throws {
        let page = try LaidOut("""
            <svg id="a" width="24" height="36"></svg>
            <svg id="b" width="48" viewBox="0 0 24 12"></svg>
            <svg id="c"></svg>
            <svg id="d" viewBox="0 0 10 10"></svg>
            <svg id="e" width="24" height="24" viewBox="0 0 24 24" style="width: 64px; height: 64px"></svg>
            <svg id="f" viewBox="0 0 24 24" style="width: 40px"></svg>
            """)
        func size(_ id: String) throws -> [Double] {
            let frame = try #require(page.frame(id))
            return [frame.width, frame.height]
        }
        #expect(try size("a") == [24, 36])
        #expect(try size("b") == [48, 24])
        #expect(try size("c") == [300, 150])
        #expect(try size("d") == [300, 300])
        #expect(try size("e") == [64, 64])
        #expect(try size("f") == [40, 40])
        #expect(!page.warnings.contains("unsupported element <svg>"))
    }

    @Test func shapesTransformsAndPolygons() throws {
        let image = try SVGRenderTests.render("""
            <svg width="100" height="60" viewBox="0 0 100 60" style="display:block">
              <g transform="translate(10 0) scale(2)" fill="#f00">
                <rect x="0" y="0" width="5" height="5"/>
              </g>
              <polygon points="40,0 60,0 60,20 40,20" fill="#00f"/>
              <polyline points="70 10 90 10" stroke="#00f" stroke-width="10" fill="#f00"/>
              <line x1="0" y1="40" x2="20" y2="40" stroke="#f00" stroke-width="4"/>
              <ellipse cx="50" cy="45" rx="10" ry="5" fill="#00f" transform="rotate(90 50 45)"/>
            </svg>
            """)
        #expect(image.pixel(12, 2) == SVGRenderTests.red)
        #expect(image.pixel(19, 9) == SVGRenderTests.red)
        #expect(image.pixel(21, 2) == SVGRenderTests.white)
        #expect(image.pixel(50, 10) == SVGRenderTests.blue)
        #expect(image.pixel(80, 10) == SVGRenderTests.blue)
        #expect(image.pixel(10, 40) == SVGRenderTests.red)
        // Rotated a quarter turn, the ellipse is tall: 5 wide, 10 high around (50, 45).
        #expect(image.pixel(50, 37) == SVGRenderTests.blue)
        #expect(image.pixel(43, 45) == SVGRenderTests.white)
        // 100 red in the scaled square, 20×4 of line; 400 blue in the polygon, 20×10 of stroke.
        #expect(image.count(SVGRenderTests.red) == 100 + 80)
    }

    @Test func groupOpacityFadesOverlapsOnce() throws {
        let image = try SVGRenderTests.render("""
            <svg width="60" height="20" viewBox="0 0 60 20" style="display:block">
              <g opacity="0.5" fill="#00f"><rect width="40" height="20"/><rect x="20" width="40" height="20"/></g>
            </svg>
            """)
        #expect(image.pixel(10, 10) == [127, 127, 255] || image.pixel(10, 10) == [128, 128, 255])
        #expect(image.pixel(30, 10) == image.pixel(10, 10))
        #expect(image.pixel(50, 10) == image.pixel(10, 10))
    }

    @Test func fillRuleAndOpacityAttributesAndStyle() throws {
        let image = try SVGRenderTests.render("""
            <svg width="40" height="40" viewBox="0 0 40 40" style="display:block">
              <path d="M0 0h40v40h-40z M10 10h20v20h-20z" fill-rule="evenodd" fill="#f00"/>
            </svg>
            <svg width="40" height="40" viewBox="0 0 40 40" style="display:block">
              <rect width="40" height="40" style="fill: #00f; fill-opacity: 0.5" fill="#f00"/>
            </svg>
            """, width: 40, height: 80)
        #expect(image.pixel(5, 5) == SVGRenderTests.red)
        #expect(image.pixel(20, 20) == SVGRenderTests.white)
        let faded = image.pixel(20, 60)
        #expect(faded[2] == 255 && (127...128).contains(faded[0]))
    }

    @Test func unsupportedElementsAreSkippedWithAWarning() throws {
        let image = try SVGRenderTests.render("""
            <svg width="40" height="40" viewBox="0 0 40 40" style="display:block">
              <defs><linearGradient id="g"><stop offset="0" stop-color="#f00"/></linearGradient></defs>
              <text x="0" y="20">Hi</text>
              <title>An icon</title>
              <rect width="10" height="10" fill="url(#g)"/>
              <rect x="20" width="10" height="10" fill="#00f"/>
            </svg>
            """)
        #expect(image.pixel(25, 5) == SVGRenderTests.blue)
        #expect(image.pixel(5, 5) == SVGRenderTests.white)
        #expect(image.warnings.contains("SVG element <text> is not drawn"))
        #expect(image.warnings.contains("SVG element <defs> is not drawn"))
        #expect(!image.warnings.contains { $0.contains("<title>") })
        #expect(image.warnings.contains("SVG gradients and patterns are not drawn"))
    }

    @Test func pathCommandsAreLimitedPerDocument() throws {
        let many = "M0 0" + String(repeating: "h0.001", count: 12_000) + "V10H0z"
        let image = try SVGRenderTests.render("""
            <svg width="10" height="10" style="display:block"><path d="\(many)" fill="#00f"/></svg>
            <svg width="10" height="10" style="display:block"><path d="M0 0h10v10h-10z" fill="#00f"/></svg>
            """, width: 10, height: 20)
        #expect(image.warnings.contains { $0.contains("10000 path commands") })
        // The first path was cut before it closed its square: only a sliver of it can show; the
        // second still draws, since each <svg> has its own budget.
        #expect(image.pixel(5, 5) == SVGRenderTests.white)
        #expect(image.pixel(5, 15) == SVGRenderTests.blue)
    }

    @Test func strokeStylesReachTheStroker() throws {
        // A round-capped line sticks out half its width past its ends; a butt-capped one does not.
        let image = try SVGRenderTests.render("""
            <svg width="60" height="40" viewBox="0 0 60 40" style="display:block" stroke="#00f" stroke-width="10">
              <line x1="10" y1="10" x2="50" y2="10" stroke-linecap="round"/>
              <line x1="10" y1="30" x2="50" y2="30"/>
            </svg>
            """)
        #expect(image.pixel(7, 10) == SVGRenderTests.blue)
        #expect(image.pixel(7, 30) == SVGRenderTests.white)
        #expect(image.pixel(52, 10) == SVGRenderTests.blue)
        #expect(image.pixel(52, 30) == SVGRenderTests.white)
    }
    @Test func hostileValuesDoNotCrash() throws {
        let nested = String(repeating: "<g transform='scale(1.5)'>", count: 100) + "<rect width='1' height='1'/>" + String(repeating: "</g>", count: 100)
        let image = try SVGRenderTests.render("""
            <svg width="40" height="40" viewBox="0 0 1e308 1e308" style="display:block"><circle r="1e308" cx="-1e308"/></svg>
            <svg width="1e400" height="-5" viewBox="nan nan 1 1" style="display:block;width:10px;height:10px"><path d="M1e300 1e300 L-1e300 5 Z" stroke="#000" stroke-width="1e300"/></svg>
            <svg width="20" height="20" style="display:block"><g transform="matrix(1e308 0 0 1e308 1e308 0) rotate(1e300)"><rect width="5" height="5"/></g>
              <path d="M0 0 A1e-300 1e300 1e300 1 1 5 5 c 1e308 1e308 -1e308 -1e308 1 1" stroke="#000" stroke-width="3"/>
              <polyline points="1,2,3" stroke="#000"/>\(nested)</svg>
            <svg width="20" height="20" viewBox="0 0 20 20" style="display:block"><rect width="20" height="20" fill="#00f" stroke-width="NaN" opacity="inf"/></svg>
            """, width: 40, height: 120)
        // The last, well-formed icon still draws after all of that.
        #expect(image.pixel(10, 80) == SVGRenderTests.blue)
    }
    @Test func dashArrayCutsTheStroke() throws {
        let image = try SVGRenderTests.render("""
            <svg width="40" height="10" viewBox="0 0 40 10" style="display:block">
              <line x1="0" y1="5" x2="40" y2="5" stroke="#00f" stroke-width="4" style="stroke-dasharray: 5px, 5px; stroke-dashoffset: 0"/>
            </svg>
            """, width: 40, height: 10)
        #expect(image.pixel(2, 5) == SVGRenderTests.blue)
        #expect(image.pixel(7, 5) == SVGRenderTests.white)
        #expect(image.count(SVGRenderTests.blue) == 4 * 5 * 4)
    }
}
