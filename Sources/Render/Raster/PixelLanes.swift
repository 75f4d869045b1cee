/// `PixelMath.scale` and `PixelMath.over` on eight pixels, in 16-bit lanes.
///
/// The two-channels-per-word arithmetic never carries out of a 16-bit half (each half's products
/// and sums stay below 65536), so it is the same arithmetic done on sixteen `UInt16` lanes; the
/// baseline x86-64 target (SSE2) multiplies those in one instruction per eight lanes, where
/// 32-bit lanes take two multiplies and four shuffles.
enum PixelLanes {
    typealias Pixels = SIMD8<UInt32>

    /// Each lane exactly `PixelMath.scale(pixels[i], by: factors[i])`, for factors in 0...255.
    @inline(__always)
    static func scale(_ pixels: Pixels, by factors: Pixels) -> Pixels {
        // Each factor in both halves of its word, so it meets both channels of that half.
        let factor = unsafeBitCast(factors | (factors &<< 16), to: SIMD16<UInt16>.self)
        let halves = unsafeBitCast(pixels, to: SIMD16<UInt16>.self)
        // Red and blue are the low byte of the halves, green and alpha the high byte.
        let redBlue: SIMD16<UInt16> = (halves & 0x00FF) &* factor &+ 0x0080
        let greenAlpha: SIMD16<UInt16> = (halves &>> 8) &* factor &+ 0x0080
        let redBlueOut: SIMD16<UInt16> = (redBlue &+ (redBlue &>> 8)) &>> 8
        let greenAlphaOut: SIMD16<UInt16> = (greenAlpha &+ (greenAlpha &>> 8)) & 0xFF00
        return unsafeBitCast(redBlueOut | greenAlphaOut, to: Pixels.self)
    }

    /// Each lane exactly `PixelMath.over(sources[i], destinations[i])`.
    @inline(__always)
    static func over(_ sources: Pixels, _ destinations: Pixels) -> Pixels {
        sources &+ scale(destinations, by: 255 &- (sources &>> 24))
    }

    /// Blends `color` (premultiplied) at coverage `levels[i]` (each 0...255) onto `line[i]` for
    /// `i` in `0..<count`: exactly `PixelMath.over(PixelMath.scale(color, by: level), pixel)`,
    /// which is what `ScaledColorTable.blend` gives. Blocks of eight clear levels are skipped.
    static func blend(_ color: UInt32, levels: UnsafePointer<UInt32>, count: Int, onto line: UnsafeMutablePointer<UInt32>) {
        let colors = Pixels(repeating: color)
        let from = UnsafeRawPointer(levels), to = UnsafeMutableRawPointer(line)
        var index = 0
        while index + 8 <= count {
            // index + 8 <= count keeps both eight-word accesses inside the caller's buffers.
            let coverage = from.loadUnaligned(fromByteOffset: index * 4, as: Pixels.self)
            if coverage != .zero {
                let below = to.loadUnaligned(fromByteOffset: index * 4, as: Pixels.self)
                to.storeBytes(of: over(scale(colors, by: coverage), below), toByteOffset: index * 4, as: Pixels.self)
            }
            index += 8
        }
        while index < count {
            let level = levels[index]
            if level != 0 { line[index] = PixelMath.over(PixelMath.scale(color, by: level), line[index]) }
            index += 1
        }
    }

    /// `blend(_:levels:count:onto:)` with one byte per level, as glyph and shadow masks hold them.
    /// Its own loop rather than a shared one taking the loads as closures: testing the eight bytes
    /// for zero before widening them is what makes it pay (effects paint 15.3M against 16.4M
    /// instructions with the shared loop).
    static func blend(_ color: UInt32, byteLevels levels: UnsafePointer<UInt8>, count: Int, onto line: UnsafeMutablePointer<UInt32>) {
        let colors = Pixels(repeating: color)
        // Each lane takes its byte of one of the two words holding the eight levels.
        let shifts = Pixels(0, 8, 16, 24, 0, 8, 16, 24)
        let from = UnsafeRawPointer(levels), to = UnsafeMutableRawPointer(line)
        var index = 0
        while index + 8 <= count {
            // index + 8 <= count keeps the eight-byte and eight-word accesses inside the caller's buffers.
            let bytes = from.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            if bytes != 0 {
                let low = UInt32(truncatingIfNeeded: bytes), high = UInt32(truncatingIfNeeded: bytes >> 32)
                let coverage: Pixels = (Pixels(low, low, low, low, high, high, high, high) &>> shifts) & 0xFF
                let below = to.loadUnaligned(fromByteOffset: index * 4, as: Pixels.self)
                to.storeBytes(of: over(scale(colors, by: coverage), below), toByteOffset: index * 4, as: Pixels.self)
            }
            index += 8
        }
        while index < count {
            let level = UInt32(levels[index])
            if level != 0 { line[index] = PixelMath.over(PixelMath.scale(color, by: level), line[index]) }
            index += 1
        }
    }
}
