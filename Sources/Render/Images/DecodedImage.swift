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
        bgra = [UInt8](unsafeUninitializedCapacity: rgba.count) { output, initialized in
            rgba.withUnsafeBufferPointer { input in
                var index = 0
                while index + 3 < input.count {
                    let alpha = UInt32(input[index + 3])
                    // (c·a + 127) / 255 rounds the premultiplied channel to nearest.
                    output[index] = UInt8((UInt32(input[index + 2]) * alpha + 127) / 255)
                    output[index + 1] = UInt8((UInt32(input[index + 1]) * alpha + 127) / 255)
                    output[index + 2] = UInt8((UInt32(input[index]) * alpha + 127) / 255)
                    output[index + 3] = UInt8(alpha)
                    index += 4
                }
            }
            initialized = rgba.count
        }
    }

    /// The premultiplied (red, green, blue, alpha) of one pixel, for tests.
    func pixel(x: Int, y: Int) -> [Int] {
        let offset = (y * width + x) * 4
        return [Int(bgra[offset + 2]), Int(bgra[offset + 1]), Int(bgra[offset]), Int(bgra[offset + 3])]
    }
}
