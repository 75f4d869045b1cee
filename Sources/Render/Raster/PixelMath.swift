/// Integer arithmetic on premultiplied RGBA8 pixels packed in a `UInt32` (R in the lowest byte),
/// two channels per multiply so the blend loops stay in integer registers.
enum PixelMath {
    /// Every channel of `pixel` times `factor`/255, rounded.
    @inline(__always)
    static func scale(_ pixel: UInt32, by factor: UInt32) -> UInt32 {
        let rb: UInt32 = (pixel & 0x00FF_00FF) &* factor
        let ag: UInt32 = ((pixel >> 8) & 0x00FF_00FF) &* factor
        // x/255 rounded is (x + 128 + ((x + 128) >> 8)) >> 8; the lanes are 16 bits wide and the
        // sums stay below 65536, so neither lane carries into the other.
        let rbRounded: UInt32 = rb &+ 0x0080_0080
        let agRounded: UInt32 = ag &+ 0x0080_0080
        let rbOut: UInt32 = ((rbRounded &+ ((rbRounded >> 8) & 0x00FF_00FF)) >> 8) & 0x00FF_00FF
        let agOut: UInt32 = (agRounded &+ ((agRounded >> 8) & 0x00FF_00FF)) & 0xFF00_FF00
        return rbOut | agOut
    }

    /// `source` over `destination`, both premultiplied.
    @inline(__always)
    static func over(_ source: UInt32, _ destination: UInt32) -> UInt32 {
        let inverseAlpha: UInt32 = 255 &- (source >> 24)
        return source &+ scale(destination, by: inverseAlpha)
    }

    /// Eight pixels at once, each lane exactly `scale(_:by:)`.
    @inline(__always)
    static func scale(_ pixels: SIMD8<UInt32>, by factor: SIMD8<UInt32>) -> SIMD8<UInt32> {
        let low = SIMD8<UInt32>(repeating: 0x00FF_00FF)
        let rbRounded: SIMD8<UInt32> = (pixels & low) &* factor &+ 0x0080_0080
        let agRounded: SIMD8<UInt32> = ((pixels &>> 8) & low) &* factor &+ 0x0080_0080
        let rbOut: SIMD8<UInt32> = ((rbRounded &+ ((rbRounded &>> 8) & low)) &>> 8) & low
        let agOut: SIMD8<UInt32> = (agRounded &+ ((agRounded &>> 8) & low)) & 0xFF00_FF00
        return rbOut | agOut
    }

    /// Eight pixels at once, each lane exactly `over(_:_:)`.
    @inline(__always)
    static func over(_ source: SIMD8<UInt32>, _ destination: SIMD8<UInt32>) -> SIMD8<UInt32> {
        source &+ scale(destination, by: 255 &- (source &>> 24))
    }

    /// `value.rounded(.down)`, without the libm call the baseline x86-64 target makes for it:
    /// through an integer when the value fits one (the result is the same), else the library.
    @inline(__always)
    static func floor(_ value: Double) -> Double {
        guard abs(value) < 4.0e18 else { return value.rounded(.down) }
        let truncated: Double = Double(Int(value))
        return truncated > value ? truncated - 1 : truncated
    }

    /// `a * b / 255` rounded, for coverage values 0...255.
    @inline(__always)
    static func multiply(_ a: UInt32, _ b: UInt32) -> UInt32 {
        let product: UInt32 = a &* b &+ 128
        return (product &+ (product >> 8)) >> 8
    }

    /// Blends `source` at `coverage` (0...255) onto `destination`.
    @inline(__always)
    static func blend(_ source: UInt32, coverage: UInt32, onto destination: UInt32) -> UInt32 {
        if coverage >= 255 {
            return source >> 24 == 255 ? source : over(source, destination)
        }
        if coverage == 0 { return destination }
        return over(scale(source, by: coverage), destination)
    }
}

/// Where the colors of one canvas row come from while blending.
protocol RowColors {
    /// The premultiplied color of pixel column `x`.
    func color(at x: Int) -> UInt32
    /// True when every column has the same opaque color, so full coverage is a plain store.
    var opaqueConstant: UInt32? { get }
    /// A buffer of colors that are all opaque, indexed by canvas x, so full coverage is a copy.
    var opaqueBuffer: UnsafePointer<UInt32>? { get }
    /// The color of every column when they are all the same (opaque or not), so a run at one
    /// coverage blends one precomputed source.
    var constant: UInt32? { get }
    /// The buffer the colors are read from, indexed by canvas x, when there is one.
    var colorBuffer: UnsafePointer<UInt32>? { get }
}

/// One color for the whole row.
struct SolidRowColors: RowColors {
    var pixel: UInt32
    @inline(__always) func color(at x: Int) -> UInt32 { pixel }
    var opaqueConstant: UInt32? { pixel >> 24 == 255 ? pixel : nil }
    var opaqueBuffer: UnsafePointer<UInt32>? { nil }
    var constant: UInt32? { pixel }
    var colorBuffer: UnsafePointer<UInt32>? { nil }
}

/// A color per column, read from a buffer indexed by canvas x.
struct BufferRowColors: RowColors {
    /// Points at the color of column 0 (the buffer is only valid on the columns being drawn).
    var base: UnsafePointer<UInt32>
    @inline(__always) func color(at x: Int) -> UInt32 { base[x] }
    /// Every color in the buffer is opaque (an opaque gradient's table).
    var isOpaque = false
    var opaqueConstant: UInt32? { nil }
    var opaqueBuffer: UnsafePointer<UInt32>? { isOpaque ? base : nil }
    var constant: UInt32? { nil }
    var colorBuffer: UnsafePointer<UInt32>? { base }
}
