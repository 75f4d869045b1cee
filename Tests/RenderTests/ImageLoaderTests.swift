import Foundation
import Testing
@testable import Render

struct ImageLoaderTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/images")

    /// A 3×2 opaque canvas: red, green, blue over white, black, half-transparent red.
    private func canvas() -> Canvas {
        let canvas = Canvas(width: 3, height: 2)
        let colors: [[UInt8]] = [[255, 0, 0, 255], [0, 255, 0, 255], [0, 0, 255, 255],
                                 [255, 255, 255, 255], [0, 0, 0, 255], [128, 0, 0, 128]]
        for (index, color) in colors.enumerated() { canvas.pixels.replaceSubrange(index * 4..<index * 4 + 4, with: color) }
        return canvas
    }

    private func dataURI(_ bytes: [UInt8], type: String) -> String {
        "data:\(type);base64,\(Data(bytes).base64EncodedString())"
    }

    @Test func pngDataURIDecodesPremultiplied() throws {
        let image = try ImageLoader().load(dataURI(try PNGEncoder.encode(canvas()), type: "image/png"))
        #expect(image.width == 3 && image.height == 2)
        #expect(image.pixel(x: 0, y: 0) == [255, 0, 0, 255])
        #expect(image.pixel(x: 2, y: 0) == [0, 0, 255, 255])
        #expect(image.pixel(x: 2, y: 1) == [128, 0, 0, 128])
    }

    @Test func jpegAndWebPDecode() throws {
        let jpeg = try ImageLoader().load(dataURI(try JPEGEncoder.encode(canvas(), quality: 95), type: "image/jpeg"))
        #expect(jpeg.width == 3 && jpeg.pixel(x: 1, y: 1)[3] == 255)
        let webp = try ImageLoader().load(dataURI(try WebPEncoder.encode(canvas(), quality: 100), type: "image/webp"))
        #expect(webp.pixel(x: 1, y: 0) == [0, 255, 0, 255])
    }

    @Test func gifFirstFrameWithTransparency() throws {
        let loader = ImageLoader(root: Self.fixtures.path)
        let image = try loader.load("four-by-two.gif")
        #expect(image.width == 4 && image.height == 2)
        #expect(image.pixel(x: 0, y: 0) == [255, 0, 0, 255])
        #expect(image.pixel(x: 1, y: 0) == [0, 255, 0, 255])
        #expect(image.pixel(x: 3, y: 0) == [0, 0, 0, 0])
        #expect(image.pixel(x: 2, y: 1) == [255, 0, 0, 255])
        #expect(image.pixel(x: 3, y: 1) == [0, 255, 0, 255])
    }

    @Test func pathsStayUnderTheRoot() throws {
        let loader = ImageLoader(root: Self.fixtures.path)
        #expect(throws: ImageError.notFound("../images/../../RenderTests.swift")) { try loader.load("../images/../../RenderTests.swift") }
        #expect(throws: ImageError.notFound("/etc/passwd")) { try loader.load("/etc/passwd") }
        #expect(throws: ImageError.notFound("missing.png")) { try loader.load("missing.png") }
        #expect(throws: ImageError.noRoot) { try ImageLoader().load("four-by-two.gif") }
    }

    @Test(arguments: ["https://example.com/a.png", "http://localhost/x.gif", "file:///etc/passwd", "ftp://x/y"])
    func networkAndFileURLsAreRefused(reference: String) {
        #expect(throws: ImageError.self) { try ImageLoader(root: Self.fixtures.path).load(reference) }
        do {
            _ = try ImageLoader(root: Self.fixtures.path).load(reference)
        } catch let error as ImageError {
            guard case .unsupportedSource = error else { Issue.record("\(error)"); return }
        } catch {
            Issue.record("\(error)")
        }
    }

    @Test func limitsAreEnforcedBeforeDecoding() throws {
        let png = try PNGEncoder.encode(canvas())
        let small = ImageLoader(limits: .init(maximumEncodedBytes: 10, maximumPixels: 100))
        #expect(throws: ImageError.encodedTooLarge(bytes: png.count, limit: 10)) { try small.load(dataURI(png, type: "image/png")) }
        let fewPixels = ImageLoader(limits: .init(maximumEncodedBytes: 1000, maximumPixels: 5))
        #expect(throws: ImageError.decodedTooLarge(width: 3, height: 2, limit: 5)) { try fewPixels.load(dataURI(png, type: "image/png")) }
        let gif = try Data(contentsOf: Self.fixtures.appendingPathComponent("four-by-two.gif"))
        #expect(throws: ImageError.decodedTooLarge(width: 4, height: 2, limit: 5)) { try fewPixels.load(dataURI([UInt8](gif), type: "image/gif")) }
    }

    @Test func malformedImagesAreErrors() throws {
        let loader = ImageLoader()
        #expect(throws: ImageError.unsupportedFormat) { try loader.load(dataURI([1, 2, 3, 4, 5], type: "image/png")) }
        #expect(throws: ImageError.malformed("invalid data: URI")) { try loader.load("data:image/png;base64,@@@") }
        let png = try PNGEncoder.encode(canvas())
        #expect(throws: ImageError.self) { try loader.load(dataURI(Array(png.prefix(png.count - 20)), type: "image/png")) }
        let gif = [UInt8](try Data(contentsOf: Self.fixtures.appendingPathComponent("four-by-two.gif")))
        // Every truncation of the GIF fails cleanly or decodes a partial frame; none crashes.
        for length in 0..<gif.count {
            _ = try? loader.load(dataURI(Array(gif.prefix(length)), type: "image/gif"))
        }
        var corrupt = gif
        for index in 50..<corrupt.count - 2 { corrupt[index] = 0xFF }
        _ = try? loader.load(dataURI(corrupt, type: "image/gif"))
    }

    /// Trimming looks at the ends first; the result must equal Foundation's trim in every case.
    @Test(arguments: ["data:x", "  data:x", "data:x\t", "\u{3000}data:x\u{00A0}", " ", "", "a b", "\u{2003}"])
    func trimmingMatchesFoundation(reference: String) {
        #expect(ImageLoader.trimmed(reference) == reference.trimmingCharacters(in: .whitespaces))
    }

    /// The scheme is matched without regard to case, and only `data:` itself.
    @Test func dataSchemeIsCaseInsensitive() throws {
        let loader = ImageLoader(root: nil)
        #expect(try loader.bytes(for: "DATA:,ab") == Array("ab".utf8))
        #expect(try loader.bytes(for: "Data:;base64,YWI=") == Array("ab".utf8))
        #expect(throws: (any Error).self) { try loader.bytes(for: "data\u{1A},ab") }
    }

    @Test func plainDataURIsArePercentDecoded() {
        #expect(DataURI.decode("data:text/plain,a%20b") == Array("a b".utf8))
        #expect(DataURI.decode("data:;base64,aGk=") == Array("hi".utf8))
        #expect(DataURI.decode("nodata") == nil)
    }
}
