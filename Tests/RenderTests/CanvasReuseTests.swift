import Testing
@testable import Render

/// A canvas made without clearing starts with whatever an earlier render left in its pooled
/// buffer. Its first fill may skip the clear only when it writes every pixel with opaque paint;
/// any other start must see a transparent canvas, exactly as a cleared one would.
struct CanvasReuseTests {
    private static let width = 173
    private static let height = 91

    private static let red = Color(red: 1, green: 0, blue: 0)
    private static let whole = Rect(x: 0, y: 0, width: Double(width), height: Double(height))
    private static let opaqueStops = [GradientStop(color: Color(red: 0.1, green: 0.2, blue: 0.6), position: 0),
                                      GradientStop(color: Color(red: 0.9, green: 0.4, blue: 0.1), position: 1)]
    private static let fadingStops = [GradientStop(color: red, position: 0), GradientStop(color: .transparent, position: 1)]

    /// A canvas whose buffer is a pooled one full of noise (from a pool of its own: the shared
    /// one may be full while other tests run).
    private static func usedCanvas() -> Canvas {
        let pool = PixelBufferPool(byteLimit: 1 << 20)
        do {
            let previous = Canvas(width: width, height: height, pool: pool)
            var generator = RasterTestSupport.PixelGenerator(state: 7)
            previous.withPixelWords { words in
                for index in words.indices { words[index] = UInt32(truncatingIfNeeded: generator.next()) | 1 }
            }
        }
        return Canvas(width: width, height: height, clearing: false, pool: pool)
    }

    /// The pixels `draw` leaves on a used canvas and on a cleared one.
    private static func both(_ draw: (Canvas) -> Void) -> (used: Canvas, cleared: Canvas) {
        let used = usedCanvas()
        #expect(used.isUncleared, "the pool handed back the noisy buffer")
        draw(used)
        let cleared = Canvas(width: width, height: height)
        draw(cleared)
        return (used, cleared)
    }

    enum Start: String, CaseIterable {
        case opaqueSolid, opaqueDiagonalGradient, opaqueRadialGradient, overhangingOpaqueSolid
        case translucentSolid, fadingGradient, roundedCorners, smallerRectangle, insideClip, transparentColor

        var coversOpaquely: Bool { [.opaqueSolid, .opaqueDiagonalGradient, .opaqueRadialGradient, .overhangingOpaqueSolid].contains(self) }

        func draw(on canvas: Canvas) {
            let whole = CanvasReuseTests.whole
            switch self {
            case .opaqueSolid: canvas.fill(whole, paint: .solid(CanvasReuseTests.red))
            case .opaqueDiagonalGradient: canvas.fill(whole, paint: .linearGradient(angle: 135, stops: CanvasReuseTests.opaqueStops))
            case .opaqueRadialGradient:
                canvas.fill(whole, paint: .gradient(.radial(centerX: 40, centerY: 30, radiusX: 90, radiusY: 60),
                                                    stops: CanvasReuseTests.opaqueStops, repeating: false, lineLength: 90))
            case .overhangingOpaqueSolid:
                canvas.fill(Rect(x: -3.5, y: -0.25, width: 190, height: 99), paint: .solid(CanvasReuseTests.red))
            case .translucentSolid: canvas.fill(whole, paint: .solid(CanvasReuseTests.red.faded(by: 0.5)))
            case .fadingGradient: canvas.fill(whole, paint: .linearGradient(angle: 90, stops: CanvasReuseTests.fadingStops))
            case .roundedCorners: canvas.fill(whole, radii: CornerRadii(topLeft: 12, topRight: 0, bottomRight: 0, bottomLeft: 0),
                                              paint: .solid(CanvasReuseTests.red))
            case .smallerRectangle: canvas.fill(Rect(x: 0.5, y: 0, width: 172, height: 91), paint: .solid(CanvasReuseTests.red))
            case .insideClip:
                canvas.pushClip(Rect(x: 10, y: 10, width: 50, height: 50), radii: .zero)
                canvas.fill(whole, paint: .solid(CanvasReuseTests.red))
                canvas.popClip()
            case .transparentColor: canvas.fill(whole, paint: .solid(.transparent))
            }
        }
    }

    @Test(arguments: Start.allCases)
    func firstFillGivesWhatACleanCanvasGives(start: Start) {
        let (used, cleared) = Self.both { start.draw(on: $0) }
        #expect(used.pixels == cleared.pixels, "\(start)")
        #expect(!used.isUncleared)
        #expect(used.isKnownOpaque == start.coversOpaquely)
        #expect(cleared.isKnownOpaque == start.coversOpaquely)
        if used.isKnownOpaque { #expect(used.pixels.enumerated().allSatisfy { $0.offset % 4 != 3 || $0.element == 255 }) }
    }

    /// Replaying a list whose first item is not a fill (or an empty list) clears the canvas first.
    @Test func replayClearsBeforeAnythingButAFill() throws {
        let text = try TextEngine(fonts: FontConfiguration())
        for items in [[DisplayList.Item](), [.pushClip(Self.whole, .zero), .fill(Self.whole, .zero, .solid(Self.red)), .popClip]] {
            let list = DisplayList()
            for item in items { list.append(item) }
            let used = Self.usedCanvas()
            #expect(used.isUncleared)
            try list.replay(on: used, boxes: [], text: text, images: ImageCache(loader: ImageLoader()))
            let cleared = Canvas(width: Self.width, height: Self.height)
            try list.replay(on: cleared, boxes: [], text: text, images: ImageCache(loader: ImageLoader()))
            #expect(used.pixels == cleared.pixels)
        }
    }

    /// Opaque stays opaque: later translucent drawing, layers and blend modes composite over it.
    @Test func knownOpaqueCanvasStaysOpaque() {
        let canvas = Canvas(width: Self.width, height: Self.height)
        canvas.fill(Self.whole, paint: .solid(Color(red: 0.2, green: 0.3, blue: 0.4)))
        canvas.fill(Rect(x: 5, y: 5, width: 60, height: 30), radii: CornerRadii(topLeft: 9, topRight: 9, bottomRight: 9, bottomLeft: 9),
                    paint: .solid(Self.red.faded(by: 0.3)))
        canvas.pushLayer()
        canvas.fill(Rect(x: 20, y: 20, width: 100, height: 50), paint: .linearGradient(angle: 30, stops: Self.fadingStops))
        canvas.popLayer(LayerEffects(opacity: 0.5, blendMode: .multiply))
        #expect(canvas.isKnownOpaque)
        #expect(canvas.pixels.enumerated().allSatisfy { $0.offset % 4 != 3 || $0.element == 255 })
    }

    /// Through the renderer: a card that leaves most of the canvas transparent gives the same
    /// bytes before and after a card that covered its canvas.
    @Test func renderAfterACoveringCardMatchesAFreshRender() throws {
        let renderer = LaidOut.renderer
        let sparse = "<body style='margin:0'><div style='margin:40px;width:90px;height:30px;background:rgba(0,0,255,.5)'></div></body>"
        let covering = "<body style='margin:0;background:linear-gradient(135deg,#0f172a,#312e81)'></body>"
        for encoding in [ImageEncoding.png, .jpeg(quality: 90)] {
            let first = try renderer.render(html: sparse, width: 1200, height: 630, encoding: encoding).bytes
            _ = try renderer.render(html: covering, width: 1200, height: 630, encoding: encoding)
            let again = try renderer.render(html: sparse, width: 1200, height: 630, encoding: encoding).bytes
            #expect(first == again, "\(encoding)")
        }
    }
}
