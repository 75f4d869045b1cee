@testable import Render

/// Helpers shared by the raster and codec tests.
enum RasterTestSupport {
    /// A deterministic generator of numbers and pixels, so a failure names the same inputs on every run.
    struct PixelGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state >> 33
        }
        mutating func byte() -> UInt32 { UInt32(next() & 0xFF) }
        mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
        /// A valid premultiplied pixel (each color at or below alpha).
        mutating func premultiplied() -> UInt32 {
            let alpha = byte()
            func channel(_ g: inout PixelGenerator) -> UInt32 { alpha == 0 ? 0 : UInt32(g.next() % UInt64(alpha + 1)) }
            return channel(&self) | channel(&self) << 8 | channel(&self) << 16 | alpha << 24
        }
    }

    /// One extended-box pass along each row (the blur's horizontal step), one value at a time with
    /// every index range-tested: the loop the fast blur passes are checked against.
    static func extendedBoxPassAlongRows(_ values: [Float], width: Int, height: Int, r: Int, alpha: Float, scale: Float) -> [Float] {
        var output = [Float](repeating: 0, count: values.count)
        for y in 0..<height {
            func at(_ x: Int) -> Float { x >= 0 && x < width ? values[y * width + x] : 0 }
            var sum: Float = 0
            for x in 0..<Swift.min(r, width) { sum += values[y * width + x] }
            for x in 0..<width {
                sum += at(x + r)
                output[y * width + x] = Swift.max(0, (sum + alpha * (at(x - r - 1) + at(x + r + 1))) * scale)
                sum -= at(x - r)
            }
        }
        return output
    }

    /// One plain box pass of `size` along each row, one value at a time.
    static func plainBoxPassAlongRows(_ values: [Float], width: Int, height: Int, size: Int) -> [Float] {
        var output = [Float](repeating: 0, count: values.count)
        let radius = size / 2, scale: Float = 1 / Float(size)
        for y in 0..<height {
            var sum: Float = 0
            for x in 0..<Swift.min(radius, width) { sum += values[y * width + x] }
            for x in 0..<width {
                if x + radius < width { sum += values[y * width + x + radius] }
                output[y * width + x] = Swift.max(0, sum * scale)
                if x - radius >= 0 { sum -= values[y * width + x - radius] }
            }
        }
        return output
    }

    /// The premultiplied RGBA bytes of one pixel as an array, for readable expectations.
    static func rgba(_ canvas: Canvas, _ x: Int, _ y: Int) -> [Int] {
        let p = canvas.pixel(x: x, y: y)
        return [Int(p.red), Int(p.green), Int(p.blue), Int(p.alpha)]
    }

    /// True when every component differs by at most `tolerance`.
    static func close(_ a: [Int], _ b: [Int], within tolerance: Int) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) <= tolerance }
    }

    static let red = Color(red: 1, green: 0, blue: 0)
    static let blue = Color(red: 0, green: 0, blue: 1)

    /// A small card: diagonal gradient, translucent rounded panel, border, glyph-like strokes.
    static func card(width: Int = 240, height: Int = 126) -> Canvas {
        let canvas = Canvas(width: width, height: height)
        let stops = [GradientStop(color: Color(red: 0.06, green: 0.09, blue: 0.16), position: 0),
                     GradientStop(color: Color(red: 0.19, green: 0.18, blue: 0.51), position: 1)]
        let w = Double(width), h = Double(height)
        canvas.fill(Rect(x: 0, y: 0, width: w, height: h), paint: .linearGradient(angle: 120, stops: stops))
        let panel = Rect(x: 12.5, y: 12.5, width: w - 25, height: h - 25)
        canvas.fill(panel, radii: CornerRadii(all: 10), paint: .solid(Color(red: 1, green: 1, blue: 1, alpha: 0.1)))
        canvas.strokeBorder(panel, radii: CornerRadii(all: 10), widths: EdgeWidths(top: 1, right: 1, bottom: 1, left: 1),
                            color: Color(red: 1, green: 1, blue: 1, alpha: 0.3))
        for index in 0..<12 {
            canvas.fill(Rect(x: 24 + Double(index) * 14.3, y: 30, width: 3.5, height: 16), paint: .solid(.white))
        }
        return canvas
    }

    /// Area of pixel (x, y) inside a circle, by brute-force supersampling: the reference for corners.
    static func circleCoverage(x: Int, y: Int, centreX: Double, centreY: Double, radius: Double) -> Double {
        let n = 64
        var inside = 0
        for sy in 0..<n {
            for sx in 0..<n {
                let px = Double(x) + (Double(sx) + 0.5) / Double(n)
                let py = Double(y) + (Double(sy) + 0.5) / Double(n)
                if (px - centreX) * (px - centreX) + (py - centreY) * (py - centreY) <= radius * radius { inside += 1 }
            }
        }
        return Double(inside) / Double(n * n)
    }
}
