import Testing
@testable import Render

/// The lane-wise shadow, blur and layer loops against straightforward per-pixel (or per-row)
/// formulas: each must give exactly the same values, on inputs that hit edges, tails and odd sizes.
struct RasterShadowLayerLanesTests {
    private typealias Generator = RasterTestSupport.PixelGenerator

    // MARK: Pixels in 16-bit lanes

    @Test func sixteenBitLanesScaleAndBlendAsPixelMathDoes() {
        var random = Generator(state: 3)
        for round in 0..<2000 {
            let pixels = PixelLanes.Pixels((0..<8).map { _ in UInt32(truncatingIfNeeded: random.next() ^ random.next() << 31) })
            let below = PixelLanes.Pixels((0..<8).map { _ in random.premultiplied() })
            let sources = PixelLanes.Pixels((0..<8).map { lane in lane == round % 8 ? 0xFF00_0000 | random.premultiplied() : random.premultiplied() })
            // The extremes in the first four lanes, anything in the rest.
            let factors = PixelLanes.Pixels((0..<8).map { lane in lane < 4 ? [0, 255, 1, 128][lane] : random.byte() })
            let scaled = PixelLanes.scale(pixels, by: factors), mixed = PixelLanes.over(sources, below)
            for lane in 0..<8 {
                #expect(scaled[lane] == PixelMath.scale(pixels[lane], by: factors[lane]))
                #expect(mixed[lane] == PixelMath.over(sources[lane], below[lane]))
            }
        }
    }

    @Test func coverageRunsBlendAsTheColorTableDoes() {
        var random = Generator(state: 5)
        let table = ScaledColorTable()
        for count in 0..<42 {
            for color in [0xFF20_4060, random.premultiplied(), 0x8000_4080, random.premultiplied()] as [UInt32] {
                // Blocks of clear levels, full levels and anything between.
                let levels: [UInt32] = (0..<count).map { index in
                    switch (index / 8 + count) % 3 {
                    case 0: return 0
                    case 1: return random.next() % 2 == 0 ? 255 : 0
                    default: return random.byte()
                    }
                }
                let below = (0..<count).map { _ in random.premultiplied() }
                let entries = table.table(for: color)
                let expected = zip(levels, below).map { ScaledColorTable.blend(entries, coverage: $0, onto: $1) }
                var line = below
                levels.withUnsafeBufferPointer { levels in
                    line.withUnsafeMutableBufferPointer { PixelLanes.blend(color, levels: levels.baseAddress!, count: count, onto: $0.baseAddress!) }
                }
                #expect(line == expected, "count \(count), color \(color)")
                // The same levels as bytes, as glyph and shadow masks hold them.
                let bytes = levels.map { UInt8($0) }
                var byteLine = below
                bytes.withUnsafeBufferPointer { bytes in
                    byteLine.withUnsafeMutableBufferPointer {
                        PixelLanes.blend(color, byteLevels: bytes.baseAddress!, count: count, onto: $0.baseAddress!)
                    }
                }
                #expect(byteLine == expected, "bytes: count \(count), color \(color)")
            }
        }
    }

    // MARK: Enlarging reduced cells

    @Test(arguments: [1, 2, 3, 5, 8])
    func shadowTapsMixTheirTwoCellsAsBefore(factor: Int) {
        var random = Generator(state: UInt64(factor))
        for cells in [1, 2, 5, 17] {
            let count = cells * factor + random.below(factor + 3)
            let row: [Int32] = (0..<cells).map { _ in Int32(128 + random.below(65408 - 128 + 1)) }
            let taps = AlphaMask.taps(count: count, cells: cells, factor: factor)
            // The mix before the single-cell form: both cells read, the weight rounded to 1/256.
            let expected: [UInt32] = taps.map { tap in
                let a = row[tap.first], weight = Int32((tap.weight * 256).rounded())
                return UInt32((a + (((row[tap.second] - a) * weight) >> 8)) >> 8)
            }
            var steps = [Int32](repeating: -1, count: cells)
            var levels = [UInt32](repeating: 0, count: count)
            let shadowTaps = taps.map(Canvas.ShadowTap.init)
            row.withUnsafeBufferPointer { row in
                steps.withUnsafeMutableBufferPointer { Canvas.ShadowTap.steps(of: row.baseAddress!, count: cells, into: $0.baseAddress!) }
                steps.withUnsafeBufferPointer { steps in
                    shadowTaps.withUnsafeBufferPointer { shadowTaps in
                        levels.withUnsafeMutableBufferPointer {
                            Canvas.ShadowTap.levels(row: row.baseAddress!, steps: steps.baseAddress!, taps: shadowTaps.baseAddress!,
                                                    count: count, into: $0.baseAddress!)
                        }
                    }
                }
            }
            #expect(levels == expected, "cells \(cells), columns \(count)")
        }
    }

    @Test(arguments: [1, 2, 3, 6, 8])
    func layerBlurRowsSampleAsTheIntegerMixDoes(factor: Int) {
        var random = Generator(state: UInt64(100 + factor))
        for cells in [1, 2, 7, 16] {
            let count = cells * factor + random.below(factor + 3)
            // Cells as the layer blur makes them: 128...65408, colors at or below alpha.
            let row: [SIMD4<Int32>] = (0..<cells).map { _ in
                let alpha = Int32(128 + random.below(65408 - 128 + 1))
                func color(_ g: inout Generator) -> Int32 { 128 + Int32(g.below(Int(alpha) - 128 + 1)) }
                return SIMD4(color(&random), color(&random), color(&random), alpha)
            }
            let taps = AlphaMask.taps(count: count, cells: cells, factor: factor)
            let expected: [UInt32] = taps.map { tap in
                let a = row[tap.first], weight = Int32((tap.weight * 256).rounded())
                let level = (a &+ (((row[tap.second] &- a) &* weight) &>> 8)) &>> 8
                return (0..<4).reduce(UInt32(0)) { $0 | UInt32(level[$1]) << UInt32(8 * $1) }
            }
            var bases = [SIMD4<Float>](repeating: .zero, count: cells), steps = bases
            var line = [UInt32](repeating: 0xDEAD_BEEF, count: count)
            let columns = taps.map(Canvas.ColumnTap.init)
            row.withUnsafeBufferPointer { row in
                bases.withUnsafeMutableBufferPointer { bases in
                    steps.withUnsafeMutableBufferPointer { steps in
                        Canvas.prepareSampling(row.baseAddress!, count: cells, bases: bases.baseAddress!, steps: steps.baseAddress!)
                        columns.withUnsafeBufferPointer { columns in
                            line.withUnsafeMutableBufferPointer {
                                Canvas.sampleRow(bases: bases.baseAddress!, steps: steps.baseAddress!, columns: columns, into: $0.baseAddress!)
                            }
                        }
                    }
                }
            }
            #expect(line == expected, "cells \(cells), columns \(count)")
        }
    }

    @Test func floorLanesMatchRoundingDown() {
        var random = Generator(state: 11)
        var floats: [Float] = [0, 0.5, 1, 254.99998, 255, 255.5, 1.5, 2.5, 127.99999]
        var doubles: [Double] = [0, -0.0, -0.5, -1e-300, (-1.0).nextUp, 0.5, 1.5, 2.5, -2.5, 1199.9999999999998, 256.5, 255.5]
        for _ in 0..<2000 {
            floats.append(Float(random.below(1 << 24)) / 65536)
            doubles.append(Double(Int(random.next() % 4_000_000) - 2_000_000) / 1024 + Double(random.next() % 1000) * 1e-13)
        }
        for start in stride(from: 0, to: floats.count - 8, by: 8) {
            let lanes = SIMD8<Float>(floats[start..<(start + 8)])
            let floored = Canvas.floorOfLevels(lanes)
            for lane in 0..<8 { #expect(floored[lane] == Int32(lanes[lane].rounded(.down)), "\(lanes[lane])") }
        }
        for start in stride(from: 0, to: doubles.count - 2, by: 2) {
            let lanes = SIMD2<Double>(doubles[start], doubles[start + 1])
            let floored = Canvas.floorLanes(lanes)
            for lane in 0..<2 {
                #expect(floored.whole[lane] == Int64(lanes[lane].rounded(.down)), "\(lanes[lane])")
                #expect(floored.value[lane] == lanes[lane].rounded(.down), "\(lanes[lane])")
            }
        }
    }

    // MARK: Box passes along rows


    @Test(arguments: [1, 3, 4, 5, 8, 11])
    func rowPassesInLanesMatchOneRowAtATime(height: Int) {
        var random = Generator(state: UInt64(height * 7))
        for width in [1, 2, 6, 9, 23] {
            var values = (0..<(width * height)).map { _ in random.next() % 3 == 0 ? 0 : Float(random.byte()) / 255 }
            // A negative value and a NaN, which the clamp to zero must treat as the scalar max does.
            if values.count > 2 { values[1] = -0.25; values[values.count - 1] = .nan }
            for r in [0, 1, 2, 5, 12] {
                let alpha: Float = [0, 0.37, 1][r % 3], scale: Float = 1 / (2 * Float(r) + 1 + 2 * alpha)
                var input = values, output = [Float](repeating: 7, count: values.count)
                input.withUnsafeMutableBufferPointer { input in
                    output.withUnsafeMutableBufferPointer {
                        AlphaMask.extendedBoxPassAlongRows(input, into: $0, width: width, height: height, r: r, alpha: alpha, scale: scale)
                    }
                }
                let expected = RasterTestSupport.extendedBoxPassAlongRows(values, width: width, height: height, r: r, alpha: alpha, scale: scale)
                #expect(output.map(\.bitPattern) == expected.map(\.bitPattern), "extended, width \(width), r \(r)")
                for size in [3, 5, 7, 25] {
                    var plain = [Float](repeating: 7, count: values.count)
                    input.withUnsafeMutableBufferPointer { input in
                        plain.withUnsafeMutableBufferPointer { AlphaMask.boxPassAlongRows(input, into: $0, width: width, height: height, size: size) }
                    }
                    let expected = RasterTestSupport.plainBoxPassAlongRows(values, width: width, height: height, size: size)
                    #expect(plain.map(\.bitPattern) == expected.map(\.bitPattern), "plain, width \(width), size \(size)")
                }
            }
        }
    }

    // MARK: Layers

    /// Content with gradients, flat areas and anti-aliased edges for a layer.
    private func drawContent(on canvas: Canvas, seed: Double) {
        let stops = [GradientStop(color: Color(red: 0.4, green: 0.4, blue: 0.95), position: 0),
                     GradientStop(color: Color(red: 0.93, green: 0.3, blue: 0.6, alpha: 0.7), position: 1)]
        canvas.fill(Rect(x: 30.5 + seed, y: 20.25, width: 90, height: 55), radii: CornerRadii(all: 12), paint: .linearGradient(angle: 135, stops: stops))
        canvas.fill(Rect(x: 60 + seed, y: 40, width: 30, height: 30), paint: .solid(Color(red: 1, green: 0.8, blue: 0)))
    }

    @Test(arguments: [AffineTransform(a: 0.978, b: 0.208, c: -0.208, d: 0.978, tx: 12.3, ty: -9.1),
                      AffineTransform(a: 0.8, b: 0, c: -0.214, d: 0.8, tx: 20, ty: 15.5),
                      AffineTransform(a: -0.5, b: 0.866, c: -0.866, d: -0.5, tx: 180, ty: 60)])
    func transformedLayersSampleAsTheBilinearFormulaDoes(transform: AffineTransform) {
        let width = 160, height = 120
        let source = Canvas(width: width, height: height)
        drawContent(on: source, seed: 0)
        let canvas = Canvas(width: width, height: height)
        canvas.pushLayer()
        drawContent(on: canvas, seed: 0)
        var effects = LayerEffects()
        effects.transform = transform
        canvas.popLayer(effects)
        // Each canvas pixel centre mapped back and sampled from the four texels around it, with
        // weights rounded to 1/256 and each channel rounded once; outside texels are clear.
        let inverse = transform.inverted!
        func texel(_ x: Int, _ y: Int, _ channel: Int) -> Int {
            x >= 0 && y >= 0 && x < width && y < height ? Int(source.pixels[(y * width + x) * 4 + channel]) : 0
        }
        var expected = [UInt8](repeating: 0, count: width * height * 4)
        for y in 0..<height {
            let start = inverse.apply(Point(x: 0.5, y: Double(y) + 0.5))
            var fx = start.x - 0.5, fy = start.y - 0.5
            for x in 0..<width {
                defer { fx += inverse.a; fy += inverse.b }
                guard fx > -1, fy > -1, fx < Double(width), fy < Double(height) else { continue }
                let x0 = Int(fx.rounded(.down)), y0 = Int(fy.rounded(.down))
                let wx = Int((fx - Double(x0)) * 256 + 0.5), wy = Int((fy - Double(y0)) * 256 + 0.5)
                for channel in 0..<4 {
                    let sum = texel(x0, y0, channel) * (256 - wx) * (256 - wy) + texel(x0 + 1, y0, channel) * wx * (256 - wy)
                        + texel(x0, y0 + 1, channel) * (256 - wx) * wy + texel(x0 + 1, y0 + 1, channel) * wx * wy
                    expected[(y * width + x) * 4 + channel] = UInt8((sum + 32768) >> 16)
                }
            }
        }
        #expect(canvas.pixels == expected)
        #expect(expected.contains { $0 != 0 })
    }

    /// Two layers in a row on one canvas, the second reusing the first one's buffer once
    /// compositing has cleared it, against the same with a fresh buffer for the second.
    @Test(arguments: [LayerEffects.BlendMode.normal, .multiply])
    func reusedLayersStartClear(mode: LayerEffects.BlendMode) {
        var first = LayerEffects()
        first.opacity = 0.6
        first.dropShadows = [BoxShadowPaint(offsetX: 4, offsetY: 6, blur: 8, spread: 0, color: Color(red: 0, green: 0, blue: 0.2, alpha: 0.5), inset: false)]
        var second = LayerEffects()
        second.blendMode = mode
        second.opacity = 0.8
        func render(freshSecondLayer: Bool) -> [UInt8] {
            let canvas = RasterTestSupport.card(width: 200, height: 130)
            canvas.pushLayer()
            drawContent(on: canvas, seed: 0)
            canvas.popLayer(first)
            if freshSecondLayer { canvas.spareBuffers.removeAll() }
            canvas.pushLayer()
            // Smaller than the first, so any leftover of it would show.
            canvas.fill(Rect(x: 70.5, y: 50, width: 40, height: 30), radii: CornerRadii(all: 6), paint: .solid(Color(red: 0.1, green: 0.9, blue: 0.5, alpha: 0.9)))
            canvas.popLayer(second)
            // Every spare buffer must be clear again.
            #expect(canvas.spareBuffers.allSatisfy { !$0.contains { $0 != 0 } })
            return canvas.pixels
        }
        #expect(render(freshSecondLayer: false) == render(freshSecondLayer: true))
    }
}
