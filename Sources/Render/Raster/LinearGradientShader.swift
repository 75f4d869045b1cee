import Foundation

/// A CSS linear gradient resolved against the box it fills: the parameter `t` along the gradient
/// line is an affine function of the pixel position, and colors come from a lookup table of
/// premultiplied pixels, so drawing needs no trigonometry or division per pixel.
struct LinearGradientShader {
    /// Which way `t` varies, so rows can skip work: constant per row, per column, or general.
    enum Direction { case vertical, horizontal, diagonal }

    let direction: Direction
    /// Premultiplied colors for `t` = 0...1 in `table.count` even steps.
    let table: [UInt32]
    /// Every color of the table is opaque, so covered pixels can be copied rather than blended.
    let isOpaque: Bool
    /// For opaque gradients: the table with 8 fractional bits per channel (16-bit lanes, R lowest),
    /// so rows can be dithered as Chromium's Skia dithers gradients; empty otherwise.
    let wideTable: [UInt64]
    /// Whether `fill` dithers (opaque gradients): every pixel needs its own color then.
    var dithers: Bool { !wideTable.isEmpty }
    /// t at pixel centre (x, y) = `origin + dx * (x + 0.5) + dy * (y + 0.5)`.
    private let origin: Double
    private let dx: Double
    private let dy: Double

    /// Whether opaque gradients are dithered unless a caller says otherwise: no, for speed
    /// (`Renderer`'s `dithersGradients`, the `ditherGradients` setting, turns it on).
    ///
    /// Chromium dithers gradients (Skia's 8×8 ordered dither; on a dark 1200 px card gradient a
    /// row has 89 distinct colors in Chromium, 50 undithered, 97 dithered here). Dithered, the
    /// `tpl-blog` fidelity card matches Chromium exactly on 81% of its pixels instead of 51% (SSIM
    /// 0.9984 against 0.9964; the rest within one level). But dithered rows no longer repeat, so
    /// deflate finds few matches: that card's PNG grows from 45.7 kB to 141 kB, its encode from
    /// 0.78 to 2.56 ms and its paint from 0.58 to 1.49 ms; the gradient cards' PNGs triple alike.
    /// The banding it hides is one level per step on dark gradients.
    static let dithersByDefault = false

    /// Resolves `angle` (degrees, CSS convention: 0 points up, 90 right) against `box`: the gradient
    /// line passes through the centre and is `|w sin θ| + |h cos θ|` long (CSS Images 3 §3.1), so
    /// the corners on its ends get exactly the first and last colors.
    init?(angle: Double, stops: [GradientStop], box: Rect, dither: Bool = LinearGradientShader.dithersByDefault) {
        guard !stops.isEmpty, angle.isFinite, !box.isEmpty else { return nil }
        var degrees: Double = angle.truncatingRemainder(dividingBy: 360)
        if degrees < 0 { degrees += 360 }
        // Exact axes for the four right angles, so they take the cheap paths without rounding noise.
        let sine: Double
        let cosine: Double
        switch degrees {
        case 0: (sine, cosine) = (0, 1)
        case 90: (sine, cosine) = (1, 0)
        case 180: (sine, cosine) = (0, -1)
        case 270: (sine, cosine) = (-1, 0)
        default: (sine, cosine) = (sin(degrees * Double.pi / 180), cos(degrees * Double.pi / 180))
        }
        let length: Double = abs(box.width * sine) + abs(box.height * cosine)
        guard length > 0, length.isFinite else { return nil }
        // Direction of the line in y-down coordinates is (sin θ, -cos θ).
        dx = sine / length
        dy = -cosine / length
        let centreX: Double = box.x + box.width / 2
        let centreY: Double = box.y + box.height / 2
        origin = 0.5 - centreX * dx - centreY * dy
        direction = sine == 0 ? .vertical : (cosine == 0 ? .horizontal : .diagonal)
        let size: Int = Swift.min(4096, Swift.max(256, Int(saturatingFloor: length * 2) + 1))
        table = LinearGradientShader.makeTable(stops: stops, size: size)
        isOpaque = table.allSatisfy { $0 >> 24 == 255 }
        wideTable = isOpaque && dither ? LinearGradientShader.makeWideTable(stops: stops, size: size) : []
    }

    /// The premultiplied color at `t`, clamped to the ends of the line.
    @inline(__always)
    func color(at t: Double) -> UInt32 {
        let scaled: Double = t * Double(table.count - 1) + 0.5
        let index: Int = scaled > 0 ? Swift.min(table.count - 1, Int(saturatingFloor: scaled)) : 0
        return table[index]
    }

    /// The color of every pixel in row `y`, when the gradient is vertical.
    func rowColor(_ y: Int) -> UInt32 {
        color(at: origin + dy * (Double(y) + 0.5))
    }

    /// Writes the colors of columns `start..<end` of row `y` into `row` (indexed by canvas x),
    /// stepping the table index in 16.16 fixed point.
    func fill(row y: Int, from start: Int, to end: Int, into row: UnsafeMutablePointer<UInt32>) {
        guard end > start else { return }
        let last: Int = table.count - 1
        let scale: Double = Double(last) * 65536
        let t0: Double = origin + dy * (Double(y) + 0.5) + dx * (Double(start) + 0.5)
        // Far outside 0...1 every pixel is clamped anyway; bounding t keeps the fixed point in range
        // for degenerate boxes (a huge offset or a hairline-thin box).
        let clampedStart: Double = Swift.min(8, Swift.max(-8, t0))
        let slope: Double = Swift.min(8, Swift.max(-8, dx))
        var position: Int = Int((clampedStart * scale).rounded()) + 32768
        let step: Int = Int((slope * scale).rounded())
        let limit: Int = last << 16
        table.withUnsafeBufferPointer { table in
            // Split the span where the position leaves 0...limit, so the middle run (usually all of
            // it) is a clamp-free load and store per pixel; the clamped ends are constant colors.
            var x: Int = start
            if step == 0 || position < 0 || position > limit {
                let outside: Int = Self.pixels(before: position, step: step, reaches: 0...limit, within: end - x)
                let clamped: Int = position < 0 ? 0 : (position > limit ? limit : position)
                (row + x).update(repeating: table[clamped >> 16], count: outside)
                x += outside
                position &+= step &* outside
            }
            guard x < end else { return }
            guard position >= 0, position <= limit else {
                // A step longer than the whole table jumped over it: the rest is the far end.
                (row + x).update(repeating: position < 0 ? table[0] : table[last], count: end - x)
                return
            }
            let inside: Int = Self.pixels(before: position, step: step, leaving: 0...limit, within: end - x)
            let runEnd: Int = x + inside
            if dithers {
                let offsets = Self.ditherOffsets(row: y)
                wideTable.withUnsafeBufferPointer { wide in
                    let entries: UnsafePointer<UInt64> = wide.baseAddress!
                    while x < runEnd {
                        let value: UInt64 = entries[position >> 16] &+ offsets[x & 7]
                        // The integer part of each 16-bit lane, packed back into RGBA8.
                        row[x] = UInt32(truncatingIfNeeded: (value >> 8) & 0xFF | (value >> 16) & 0xFF00
                            | (value >> 24) & 0xFF_0000 | (value >> 32) & 0xFF00_0000)
                        position &+= step
                        x += 1
                    }
                }
            } else {
                let entries: UnsafePointer<UInt32> = table.baseAddress!
                while x < runEnd {
                    row[x] = entries[position >> 16]
                    position &+= step
                    x += 1
                }
            }
            if x < end {
                (row + x).update(repeating: step > 0 ? table[last] : table[0], count: end - x)
            }
        }
    }

    /// How many steps from `position` stay outside `range` (at most `count`).
    private static func pixels(before position: Int, step: Int, reaches range: ClosedRange<Int>, within count: Int) -> Int {
        if range.contains(position) { return 0 }
        if step == 0 || (position < range.lowerBound) != (step > 0) { return count }
        let distance: Int = position < range.lowerBound ? range.lowerBound - position : position - range.upperBound
        let steps: Int = (distance + abs(step) - 1) / abs(step)
        return Swift.min(count, steps)
    }

    /// How many steps from `position` (inside `range`) stay inside it (at most `count`).
    private static func pixels(before position: Int, step: Int, leaving range: ClosedRange<Int>, within count: Int) -> Int {
        if step == 0 { return count }
        let room: Int = step > 0 ? range.upperBound - position : position - range.lowerBound
        return Swift.min(count, room / abs(step) + 1)
    }

    /// The rounding offsets of Skia's 8×8 ordered dither for the eight columns `x & 7` of row `y`,
    /// in 1/256 of a level and repeated in the three color lanes: Skia adds (2M − 63)/128 of a level
    /// before rounding, M in 0…63 interleaving the bits of x and x ^ y. The alpha lane gets the
    /// plain rounding offset, so opaque stays opaque.
    static func ditherOffsets(row y: Int) -> SIMD8<UInt64> {
        func offset(_ x: Int) -> UInt64 {
            let mixed: Int = (y ^ x) & 7
            let m: Int = (mixed & 1) << 5 | (x & 1) << 4 | (mixed & 2) << 2 | (x & 2) << 1 | (mixed & 4) >> 1 | (x & 4) >> 2
            let level = UInt64(2 + 4 * m)
            return level | level << 16 | level << 32 | 128 << 48
        }
        return SIMD8(offset(0), offset(1), offset(2), offset(3), offset(4), offset(5), offset(6), offset(7))
    }

    /// `makeTable` with 8 fractional bits: each channel is value × 255 × 256, rounded, in a 16-bit
    /// lane (R lowest). Only opaque gradients use it, so the colors need no premultiplying.
    static func makeWideTable(stops: [GradientStop], size: Int) -> [UInt64] {
        let levels: [(position: Double, color: Color)] = stops.map { ($0.position, $0.color) }
        var table = [UInt64](repeating: 0, count: size)
        var previous: Double = -Double.infinity
        let fixed: [(position: Double, color: Color)] = levels.map { stop in
            let position: Double = stop.position.isNaN ? previous : Swift.max(stop.position, previous)
            previous = position
            return (position, stop.color)
        }
        func lane(_ unit: Double) -> UInt64 { UInt64((Color.unit(unit) * 255 * 256).rounded()) }
        var segment: Int = 0
        for index in 0..<size {
            let t: Double = Double(index) / Double(size - 1)
            while segment + 1 < fixed.count && fixed[segment + 1].position <= t { segment += 1 }
            let current = fixed[segment]
            var color: Color = current.color
            if t > current.position, segment + 1 < fixed.count {
                let next = fixed[segment + 1]
                let span: Double = next.position - current.position
                let f: Double = span > 0 ? (t - current.position) / span : 1
                color = Color(red: current.color.red + (next.color.red - current.color.red) * f,
                              green: current.color.green + (next.color.green - current.color.green) * f,
                              blue: current.color.blue + (next.color.blue - current.color.blue) * f, alpha: 1)
            }
            table[index] = lane(color.red) | lane(color.green) << 16 | lane(color.blue) << 32 | UInt64(255 * 256) << 48
        }
        return table
    }

    /// What a sampled table is a function of.
    struct TableKey: Hashable, Sendable {
        var stops: [GradientStop]
        var size: Int
    }

    /// Tables kept between renders. A template's gradients are the same on every render, and
    /// sampling a table of a few thousand entries cost about 4% of a gradient card's render (0.1 ms
    /// of the blog card's 2.6 ms), where a lookup costs a hash of the stops. Tables are at most
    /// 16 KiB, so 64 of them stay near a megabyte. Stops with a NaN position (an omitted one, filled
    /// in when sampled) never equal themselves, so theirs are sampled each time.
    static let keptTables = SharedMemo<TableKey, [UInt32]>(capacity: 64)

    /// Samples the stops at `size` even steps of `t` in 0...1, interpolating premultiplied
    /// components as Chromium does (no dark fringes towards transparent stops); kept between
    /// renders (`keptTables`).
    static func makeTable(stops: [GradientStop], size: Int) -> [UInt32] {
        keptTables.value(for: TableKey(stops: stops, size: size)) { sampleTable(stops: stops, size: size) }
    }

    /// `makeTable` without the cache. The four channels are one vector, so each entry costs one
    /// interpolation instead of four.
    static func sampleTable(stops: [GradientStop], size: Int) -> [UInt32] {
        // CSS Images 3 §3.4.3: a position smaller than an earlier one is raised to it.
        var positions: [Double] = []
        var colors: [SIMD4<Double>] = []
        var previous: Double = -Double.infinity
        for stop in stops {
            let position: Double = stop.position.isNaN ? previous : Swift.max(stop.position, previous)
            previous = position
            positions.append(position)
            let alpha: Double = Color.unit(stop.color.alpha)
            colors.append(SIMD4(Color.unit(stop.color.red) * alpha, Color.unit(stop.color.green) * alpha,
                                Color.unit(stop.color.blue) * alpha, alpha))
        }
        guard size > 0, !positions.isEmpty else { return [UInt32](repeating: 0, count: Swift.max(0, size)) }
        let steps: Double = Double(Swift.max(1, size - 1))
        return [UInt32](unsafeUninitializedCapacity: size) { table, initialized in
            var segment: Int = 0
            for index in 0..<size {
                let t: Double = Double(index) / steps
                // Advance to the last stop at or before t; equal positions make a hard edge.
                while segment + 1 < positions.count && positions[segment + 1] <= t { segment += 1 }
                var value: SIMD4<Double> = colors[segment]
                if t > positions[segment], segment + 1 < positions.count {
                    let span: Double = positions[segment + 1] - positions[segment]
                    let f: Double = span > 0 ? (t - positions[segment]) / span : 1
                    value += (colors[segment + 1] - value) * f
                }
                table[index] = packedBytes(value)
            }
            initialized = size
        }
    }

    /// Four 0...1 channels rounded to bytes (R lowest), as `Color.byte` rounds each; lane by lane
    /// because the generic vector clamps and conversions are calls on this target.
    @inline(__always)
    private static func packedBytes(_ value: SIMD4<Double>) -> UInt32 {
        Color.byte(value[0]) | Color.byte(value[1]) << 8 | Color.byte(value[2]) << 16 | Color.byte(value[3]) << 24
    }
}
