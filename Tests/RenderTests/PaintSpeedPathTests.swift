import Testing
@testable import Render

/// Paint shortcuts checked against the general code they stand in for: each must give exactly
/// the same bytes on varied inputs.
struct PaintSpeedPathTests {
    private typealias Generator = RasterTestSupport.PixelGenerator

    @Test func scaledColorTableBlendsAsPixelMathDoes() {
        var random = Generator(state: 7)
        var colors: [UInt32] = [0, 0xFF00_0000, 0xFFFF_FFFF, 0x8040_2010, 0x0101_0101]
        for _ in 0..<40 { colors.append(random.premultiplied()) }
        let table = ScaledColorTable()
        for color in colors {
            let entries = table.table(for: color)
            for coverage in [UInt32](0...256) + [300, 1000] {
                for _ in 0..<8 {
                    let below = random.premultiplied()
                    #expect(ScaledColorTable.blend(entries, coverage: coverage, onto: below)
                            == PixelMath.blend(color, coverage: coverage, onto: below), "color \(color) coverage \(coverage)")
                }
            }
        }
    }

    @Test func oneColorRunsBlendAsPixelMathDoes() {
        var random = Generator(state: 11)
        for _ in 0..<300 {
            let color = random.premultiplied()
            let level = [0, 1, 128, 254, 255][Int(random.next() % 5)] as UInt32
            var line = (0..<16).map { _ in random.premultiplied() }
            let expected = line.enumerated().map { index, pixel in
                index >= 3 && index < 13 ? PixelMath.blend(color, coverage: level, onto: pixel) : pixel
            }
            line.withUnsafeMutableBufferPointer { Canvas.blendRun(of: color, coverage: level, line: $0.baseAddress!, from: 3, to: 13) }
            #expect(line == expected, "color \(color) level \(level)")
        }
    }

    @Test func colorBytesRoundAsRoundedDoes() {
        var values: [Double] = [-1, 0, 1, 2, .nan, .infinity, -.infinity, 0.5 / 255, 1.5 / 255, 254.5 / 255]
        for level in 0...255 {
            // Halfway points and their neighbours, where rounding decides.
            let half = (Double(level) + 0.5) / 255
            values += [half, half.nextUp, half.nextDown, Double(level) / 255]
        }
        var random = Generator(state: 3)
        for _ in 0..<2000 { values.append(Double(random.next()) / Double(UInt64(1) << 31)) }
        for value in values {
            let unit: Double = value.isNaN ? 0 : Swift.min(1, Swift.max(0, value))
            #expect(Color.byte(value) == UInt32((unit * 255).rounded()), "value \(value)")
        }
    }

    @Test func clampedCoverageRowsKeepEachColumnsCoverage() {
        let width = 120
        let rasterizer = CoverageRasterizer(width: width)
        let whole = ClipState(left: 0, top: 0, right: Double(width), bottom: 100, mask: nil)
        let outer = RoundedBox(Rect(x: 10.25, y: 10.5, width: 90.5, height: 70), radii: CornerRadii(all: 30))
        let inner = RoundedBox(Rect(x: 20.5, y: 20.25, width: 70, height: 50), radii: CornerRadii(all: 18))
        func value(_ row: CoverageRow, _ x: Int) -> Int {
            guard x >= row.start, x < row.end else { return -1 }
            if row.holeEnd > row.holeStart, x >= row.holeStart, x < row.holeEnd { return 0 }
            return x >= row.interiorStart && x < row.interiorEnd ? Int(row.interiorCoverage) : Int(rasterizer.coverage[x])
        }
        var checked = 0
        for y in 10..<82 {
            for hole in [nil, inner] as [RoundedBox?] {
                guard let row = rasterizer.rasterize(row: y, outer: outer, inner: hole, clip: whole) else { continue }
                for (low, high) in [(0, 120), (15, 40), (30, 95), (60, 61), (100, 120), (50, 50)] {
                    let part = row.clamped(to: low..<high)
                    #expect(part.start >= low && part.end <= Swift.max(low, high) && part.start <= part.end)
                    for x in part.start..<part.end {
                        #expect(value(part, x) == value(row, x), "row \(y) column \(x) of \(low)..<\(high)")
                        checked += 1
                    }
                }
            }
        }
        #expect(checked > 1000)
    }

    /// Paints shapes inside nested rounded clips; with `general`, every clip forgets where its mask is
    /// 255 so each pixel takes the per-pixel mask path.
    private func paintClipped(general: Bool) -> [UInt8] {
        let canvas = RasterTestSupport.card(width: 200, height: 140)
        func forget() { if general { canvas.clipStack[canvas.clipStack.count - 1].maskFullRuns = [] } }
        let stops = [GradientStop(color: Color(red: 1, green: 0.2, blue: 0.1), position: 0),
                     GradientStop(color: Color(red: 0.1, green: 0.3, blue: 1, alpha: 0.6), position: 1)]
        canvas.pushClip(Rect(x: 8.5, y: 6.25, width: 170, height: 120), radii: CornerRadii(all: 36)); forget()
        canvas.fill(Rect(x: 0, y: 0, width: 200, height: 140), paint: .linearGradient(angle: 90, stops: stops))
        canvas.fill(Rect(x: 0, y: 0, width: 200, height: 140), paint: .linearGradient(angle: 180, stops: stops))
        canvas.fill(Rect(x: 20.5, y: 30, width: 150, height: 40.5), radii: CornerRadii(all: 12),
                    paint: .solid(Color(red: 0.2, green: 0.9, blue: 0.4, alpha: 0.45)))
        canvas.pushClip(Rect(x: 40, y: 20.5, width: 100.5, height: 90), radii: CornerRadii(topLeft: 40, topRight: 0, bottomRight: 25, bottomLeft: 5)); forget()
        canvas.fill(Rect(x: 0, y: 0, width: 200, height: 140), paint: .solid(.white))
        canvas.fill(Rect(x: 30, y: 15, width: 130, height: 100), paint: .linearGradient(angle: 45, stops: stops))
        canvas.fill(Rect(x: 30, y: 15, width: 130, height: 100),
                    paint: .gradient(.radial(centerX: 90, centerY: 60, radiusX: 50, radiusY: 40), stops: stops, repeating: false, lineLength: 50))
        canvas.strokeBorder(Rect(x: 45, y: 25, width: 90, height: 80), radii: CornerRadii(all: 20),
                            widths: EdgeWidths(top: 6, right: 3, bottom: 6, left: 9), color: Color(red: 0, green: 0, blue: 0, alpha: 0.7))
        canvas.popClip()
        canvas.fill(Rect(x: 0, y: 100, width: 200, height: 40), paint: .solid(Color(red: 0.9, green: 0.1, blue: 0.6)))
        canvas.popClip()
        return canvas.pixels
    }

    @Test func roundedClipsGiveTheSamePixelsWithAndWithoutTheirFullRuns() {
        let fast = paintClipped(general: false)
        #expect(fast == paintClipped(general: true))
        #expect(fast.contains { $0 != 0 })
    }

    @Test func fullRunsOfNestedClipMasksAreFullyCovered() {
        let canvas = Canvas(width: 160, height: 120)
        canvas.pushClip(Rect(x: 10.5, y: 8.25, width: 130, height: 100), radii: CornerRadii(all: 45))
        canvas.pushClip(Rect(x: 0, y: 30.5, width: 120.25, height: 90), radii: CornerRadii(all: 20))
        var runs = 0
        for clip in canvas.clipStack {
            let mask = clip.mask ?? []
            for y in 0..<120 {
                let full = clip.maskFullColumns(y)
                runs += full.isEmpty ? 0 : 1
                for x in full { #expect(mask[y * 160 + x] == 255, "row \(y) column \(x)") }
            }
        }
        #expect(runs > 100)
        canvas.popClip(); canvas.popClip()
    }

    @Test func repeatedRoundedClipsOnOneCanvasMatchFreshOnes() {
        // Masks go back to the pool cleared only over their bounds: the next one must still start clear.
        func draw(_ canvas: Canvas, _ index: Int) {
            let offset = Double(index * 13 % 50)
            canvas.pushClip(Rect(x: offset, y: offset / 2, width: 90, height: 70), radii: CornerRadii(all: Double(10 + index * 7)))
            canvas.fill(Rect(x: 0, y: 0, width: 160, height: 120), paint: .solid(Color(red: 0.3, green: 0.5, blue: 0.9, alpha: 0.5)))
            canvas.popClip()
        }
        let reused = Canvas(width: 160, height: 120)
        for index in 0..<6 { draw(reused, index) }
        let fresh = Canvas(width: 160, height: 120)
        for index in 0..<6 {
            let alone = Canvas(width: 160, height: 120)
            draw(alone, index)
            _ = alone
            draw(fresh, index)
        }
        #expect(reused.pixels == fresh.pixels)
    }

    /// The box passes before their inner loops lost their range tests: every index tested.
    private func referenceReducedBlur(_ mask: AlphaMask, sigma: Double) -> [Float] {
        var values = mask.values
        let width = mask.width, height = mask.height
        let variance: Double = sigma * sigma / 3
        let r: Int = Swift.max(0, Int(((12 * variance + 1).squareRoot() - 1) / 2))
        let rd = Double(r)
        let alphaD: Double = (2 * rd + 1) * (variance - rd * (rd + 1) / 3) / (2 * ((rd + 1) * (rd + 1) - variance))
        let alpha = Float(Swift.min(1, Swift.max(0, alphaD)))
        let scale = Float(1 / (2 * rd + 1 + 2 * Double(alpha)))
        var sums = [Float](repeating: 0, count: width)
        for _ in 0..<3 {
            let scratch = RasterTestSupport.extendedBoxPassAlongRows(values, width: width, height: height, r: r, alpha: alpha, scale: scale)
            func row(_ y: Int) -> Int? { y >= 0 && y < height ? y * width : nil }
            for x in 0..<width { sums[x] = 0 }
            for y in 0..<Swift.min(r, height) { for x in 0..<width { sums[x] += scratch[y * width + x] } }
            for y in 0..<height {
                if let entering = row(y + r) { for x in 0..<width { sums[x] += scratch[entering + x] } }
                let above = row(y - r - 1), below = row(y + r + 1)
                for x in 0..<width {
                    let ends: Float = (above.map { scratch[$0 + x] } ?? 0) + (below.map { scratch[$0 + x] } ?? 0)
                    values[y * width + x] = Swift.max(0, (sums[x] + alpha * ends) * scale)
                }
                if let leaving = row(y - r) { for x in 0..<width { sums[x] -= scratch[leaving + x] } }
            }
        }
        return values
    }

    private func referenceFullBlur(_ mask: AlphaMask, sigma: Double) -> [Float] {
        var values = mask.values
        let width = mask.width, height = mask.height
        for size in AlphaMask.boxWidths(sigma: sigma) where size > 1 {
            let radius = size / 2
            let scale: Float = 1 / Float(size)
            let scratch = RasterTestSupport.plainBoxPassAlongRows(values, width: width, height: height, size: size)
            var sums = [Float](repeating: 0, count: width)
            for y in 0..<Swift.min(radius, height) { for x in 0..<width { sums[x] += scratch[y * width + x] } }
            for y in 0..<height {
                if y + radius < height { for x in 0..<width { sums[x] += scratch[(y + radius) * width + x] } }
                for x in 0..<width { values[y * width + x] = Swift.max(0, sums[x] * scale) }
                if y - radius >= 0 { for x in 0..<width { sums[x] -= scratch[(y - radius) * width + x] } }
            }
        }
        return values
    }

    @Test(arguments: [(1, 1), (3, 2), (7, 5), (12, 30), (40, 9), (64, 48)])
    func boxPassesMatchTheFullyTestedLoops(width: Int, height: Int) {
        var random = Generator(state: UInt64(width * 131 + height))
        var mask = AlphaMask(originX: 0, originY: 0, width: width, height: height)
        for index in mask.values.indices { mask.values[index] = random.next() % 3 == 0 ? 0 : Float(random.byte()) / 255 }
        for sigma in [0.3, 0.9, 1.7, 2.5, 4.0, 9.0] {
            var reduced = mask
            reduced.blurOnReducedGrid(sigma: sigma)
            #expect(reduced.values == referenceReducedBlur(mask, sigma: sigma), "reduced grid, sigma \(sigma)")
            var full = mask
            full.blurAtFullResolution(sigma: sigma)
            #expect(full.values == referenceFullBlur(mask, sigma: sigma), "full resolution, sigma \(sigma)")
        }
    }

    @Test func pixelLanesMatchTheScalarArithmetic() {
        var random = Generator(state: 19)
        for _ in 0..<500 {
            let pixels = SIMD8<UInt32>((0..<8).map { _ in UInt32(truncatingIfNeeded: random.next()) })
            let below = SIMD8<UInt32>((0..<8).map { _ in random.premultiplied() })
            let sources = SIMD8<UInt32>((0..<8).map { _ in random.premultiplied() })
            let factors = SIMD8<UInt32>((0..<8).map { _ in random.byte() })
            let scaled = PixelMath.scale(pixels, by: factors)
            let mixed = PixelMath.over(sources, below)
            for lane in 0..<8 {
                #expect(scaled[lane] == PixelMath.scale(pixels[lane], by: factors[lane]))
                #expect(mixed[lane] == PixelMath.over(sources[lane], below[lane]))
            }
        }
    }

    @Test func bufferedColorRunsBlendAsPixelMathDoes() {
        var random = Generator(state: 23)
        for _ in 0..<300 {
            let level = [0, 1, 77, 254, 255][Int(random.next() % 5)] as UInt32
            // Some blocks all clear, some opaque, some translucent.
            let colors: [UInt32] = (0..<40).map { index in
                switch (index / 8 + Int(random.next() % 3)) % 3 {
                case 0: return 0
                case 1: return random.premultiplied() | 0xFF00_0000
                default: return random.premultiplied()
                }
            }
            var line = (0..<40).map { _ in random.premultiplied() }
            let start = Int(random.next() % 6), end = 40 - Int(random.next() % 6)
            let expected = line.enumerated().map { index, pixel in
                index >= start && index < end ? PixelMath.blend(colors[index], coverage: level, onto: pixel) : pixel
            }
            colors.withUnsafeBufferPointer { colors in
                line.withUnsafeMutableBufferPointer {
                    Canvas.blendRun(of: colors.baseAddress!, coverage: level, line: $0.baseAddress!, from: start, to: end)
                }
            }
            #expect(line == expected, "level \(level) columns \(start)..<\(end)")
        }
    }

    @Test(arguments: [1.0, 0.6, 0.25])
    func layersCompositeAsOverOfTheScaledLayer(opacity: Double) {
        // The layer's own pixels, drawn alone, composited by hand with the scalar arithmetic.
        func drawContent(on canvas: Canvas) {
            canvas.strokeBorder(Rect(x: 20.5, y: 10.25, width: 150, height: 100), radii: CornerRadii(all: 50),
                                widths: EdgeWidths(top: 12, right: 12, bottom: 12, left: 12), color: Color(red: 0.3, green: 0.2, blue: 0.9, alpha: 0.8))
            canvas.fill(Rect(x: 90, y: 70, width: 61.5, height: 33), radii: CornerRadii(all: 9), paint: .solid(Color(red: 1, green: 0.8, blue: 0)))
        }
        let content = Canvas(width: 200, height: 130)
        drawContent(on: content)
        let below = RasterTestSupport.card(width: 200, height: 130)
        let alpha = Color.byte(opacity)
        var expected = below.pixels
        expected.withUnsafeMutableBytes { out in
            content.pixels.withUnsafeBytes { layer in
                let o = out.bindMemory(to: UInt32.self), l = layer.bindMemory(to: UInt32.self)
                for index in o.indices { o[index] = PixelMath.over(PixelMath.scale(l[index], by: alpha), o[index]) }
            }
        }
        below.pushLayer()
        drawContent(on: below)
        below.popLayer(LayerEffects(opacity: opacity))
        #expect(below.pixels == expected)
    }
}
