/// A decoded image ready to draw: premultiplied BGRA8 rows, `width * 4` bytes each (the layout
/// `Canvas.drawImage` reads).
public struct DecodedImage: Sendable, Equatable {
    public let width: Int
    public let height: Int
    let bgra: [UInt8]

    /// Converts straight-alpha RGBA8 rows into premultiplied BGRA.
    init(width: Int, height: Int, straightRGBA rgba: [UInt8]) {
        self.width = width
        self.height = height
        let pixels: Int = rgba.count / 4
        bgra = [UInt8](unsafeUninitializedCapacity: rgba.count) { output, initialized in
            rgba.withUnsafeBytes { input in
                let source: UnsafeRawPointer = input.baseAddress!
                let target: UnsafeMutableRawPointer = UnsafeMutableRawPointer(output.baseAddress!)
                for index in 0..<pixels {
                    let word: UInt32 = UInt32(littleEndian: source.loadUnaligned(fromByteOffset: index &* 4, as: UInt32.self))
                    target.storeBytes(of: Self.premultipliedBGRA(word).littleEndian, toByteOffset: index &* 4, as: UInt32.self)
                }
                // A trailing partial pixel (never produced by the decoders) is copied as it is.
                for index in (pixels * 4)..<rgba.count { output[index] = rgba[index] }
            }
            initialized = rgba.count
        }
    }

    /// One straight RGBA pixel (R in the low byte) as a premultiplied BGRA word. An opaque pixel
    /// (every JPEG, most PNGs) only swaps red and blue; otherwise each channel is (c·a + 127) / 255,
    /// rounded to nearest, computed as (c·a + 127) · 0x8081 >> 23, which is exact for every c·a.
    @inline(__always)
    static func premultipliedBGRA(_ rgba: UInt32) -> UInt32 {
        let alpha: UInt32 = rgba >> 24
        let red: UInt32 = rgba & 0xFF, green: UInt32 = (rgba >> 8) & 0xFF, blue: UInt32 = (rgba >> 16) & 0xFF
        if alpha == 255 { return blue | green << 8 | red << 16 | 0xFF00_0000 }
        func scaled(_ channel: UInt32) -> UInt32 { ((channel &* alpha &+ 127) &* 0x8081) &>> 23 }
        return scaled(blue) | scaled(green) << 8 | scaled(red) << 16 | alpha << 24
    }

    /// The premultiplied (red, green, blue, alpha) of one pixel, for tests.
    func pixel(x: Int, y: Int) -> [Int] {
        let offset = (y * width + x) * 4
        return [Int(bgra[offset + 2]), Int(bgra[offset + 1]), Int(bgra[offset]), Int(bgra[offset + 3])]
    }
}
