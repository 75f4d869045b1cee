import Foundation
@testable import Render

/// Helpers shared by the Text tests.
enum TextTestSupport {
    static func engine() throws -> TextEngine { try TextEngine(fonts: FontConfiguration()) }

    static func span(_ text: String, family: String = "Inter", size: Double = 16, weight: Int = 400,
                     italic: Bool = false, color: Color = .black) -> TextSpan {
        TextSpan(text: text, font: FontSpec(families: [family], size: size, weight: weight, italic: italic), color: color)
    }

    /// File name (last path component) of the face a catalogue index points to.
    static func fileName(_ engine: TextEngine, _ faceIndex: Int) -> String {
        (engine.catalogue.faces[faceIndex].path as NSString).lastPathComponent
    }
}

/// A test-only glyph sink: blends masks and emoji bitmaps into an opaque RGB image over white, so the
/// text engine can be looked at before the real canvas exists.
final class PixelSink: GlyphSink {
    let width: Int
    let height: Int
    private(set) var rgb: [Double]
    private(set) var maskCount = 0
    private(set) var imageCount = 0

    init(width: Int, height: Int) {
        self.width = width
        self.height = height
        rgb = [Double](repeating: 1, count: width * height * 3)
    }

    func drawMask(_ mask: UnsafeBufferPointer<UInt8>, maskWidth: Int, maskHeight: Int, pitch: Int, x: Int, y: Int, color: Color) {
        maskCount += 1
        for row in 0..<maskHeight {
            for column in 0..<maskWidth {
                let coverage = Double(mask[row * pitch + column]) / 255 * color.alpha
                blend(x: x + column, y: y + row, red: color.red, green: color.green, blue: color.blue, alpha: coverage)
            }
        }
    }

    func drawImage(bgra: UnsafeBufferPointer<UInt8>, imageWidth: Int, imageHeight: Int, pitch: Int, into destination: Rect, opacity: Double) {
        imageCount += 1
        let startX = Int(destination.x.rounded(.down))
        let startY = Int(destination.y.rounded(.down))
        for y in startY..<Int(destination.maxY.rounded(.up)) {
            for x in startX..<Int(destination.maxX.rounded(.up)) {
                // Nearest-neighbour sampling: enough to see the emoji.
                let sourceX = Int((Double(x) + 0.5 - destination.x) / destination.width * Double(imageWidth))
                let sourceY = Int((Double(y) + 0.5 - destination.y) / destination.height * Double(imageHeight))
                guard (0..<imageWidth).contains(sourceX), (0..<imageHeight).contains(sourceY) else { continue }
                let offset = sourceY * pitch + sourceX * 4
                let alpha = Double(bgra[offset + 3]) / 255
                guard alpha > 0 else { continue }
                // Un-premultiply for the straight-alpha blend below.
                blend(x: x, y: y, red: Double(bgra[offset + 2]) / 255 / alpha, green: Double(bgra[offset + 1]) / 255 / alpha,
                      blue: Double(bgra[offset]) / 255 / alpha, alpha: alpha * opacity)
            }
        }
    }

    private func blend(x: Int, y: Int, red: Double, green: Double, blue: Double, alpha: Double) {
        guard x >= 0, y >= 0, x < width, y < height, alpha > 0 else { return }
        let index = (y * width + x) * 3
        rgb[index] += (red - rgb[index]) * alpha
        rgb[index + 1] += (green - rgb[index + 1]) * alpha
        rgb[index + 2] += (blue - rgb[index + 2]) * alpha
    }

    /// Pixels darker or more coloured than the white background, in a region.
    func inkedPixels(x: Range<Int>, y: Range<Int>) -> Int {
        var count = 0
        for row in y where row >= 0 && row < height {
            for column in x where column >= 0 && column < width {
                let index = (row * width + column) * 3
                if rgb[index] < 0.9 || rgb[index + 1] < 0.9 || rgb[index + 2] < 0.9 { count += 1 }
            }
        }
        return count
    }

    /// Pixels with clearly unequal channels (colour, not gray), as colour emoji draw.
    func colouredPixels() -> Int {
        var count = 0
        for index in stride(from: 0, to: rgb.count, by: 3) {
            let redBlue: Double = abs(rgb[index] - rgb[index + 2])
            let greenBlue: Double = abs(rgb[index + 1] - rgb[index + 2])
            if redBlue > 0.3 || greenBlue > 0.3 { count += 1 }
        }
        return count
    }

    /// A binary PPM (P6) of the image, viewable after conversion.
    func ppm() -> Data {
        var data = Data("P6\n\(width) \(height)\n255\n".utf8)
        data.append(contentsOf: rgb.map { UInt8(max(0, min(255, ($0 * 255).rounded()))) })
        return data
    }
}
