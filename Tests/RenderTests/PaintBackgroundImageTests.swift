import Foundation
import Testing
@testable import Render

struct PaintBackgroundImageTests {
    /// A 2×1 PNG: red then blue.
    private func redBluePNG() throws -> String {
        let canvas = Canvas(width: 2, height: 1)
        canvas.pixels = [255, 0, 0, 255, 0, 0, 255, 255]
        return "data:image/png;base64,\(Data(try PNGEncoder.encode(canvas)).base64EncodedString())"
    }

    private func render(_ html: String, width: Int = 100, height: Int = 50) throws -> (width: Int, rgba: [UInt8]) {
        let output = try LaidOut.renderer.render(html: html, width: width, height: height, encoding: .png)
        let decoded = try PNGDecoder.decode(output.bytes, maxPixels: 1 << 20)
        return (decoded.width, decoded.rgba)
    }

    private func pixel(_ image: (width: Int, rgba: [UInt8]), _ x: Int, _ y: Int) -> [UInt8] {
        let offset = (y * image.width + x) * 4
        return Array(image.rgba[offset..<offset + 3])
    }

    @Test func shorthandReadsPositionSizeAndRepeat() throws {
        let uri = try redBluePNG()
        let page = try LaidOut("<div id=a style='background: url(\"\(uri)\") right 10px / 50% auto no-repeat #fff'></div>", width: 100, height: 50)
        let style = try #require(page.scene.boxes.first { $0.style.paint.backgroundLayers.count == 1 }?.style)
        #expect(style.paint.backgroundLayers == [.image(uri)])
        #expect(style.paint.backgroundPosition == PositionValue(x: .percent(100), y: .px(10)))
        #expect(style.paint.backgroundSize == .size(.percent(50), nil))
        #expect(style.paint.backgroundRepeat == BackgroundRepeat(x: false, y: false))
        #expect(style.backgroundColor == .color(.white))
        #expect(page.warnings.isEmpty)
    }

    @Test func imageIsScaledIntoTheBox() throws {
        let uri = try redBluePNG()
        let image = try render("<body style='margin:0'><div style='width:100px;height:50px;background:url(\"\(uri)\") 0 0 / 100% 100%'></div></body>")
        #expect(pixel(image, 10, 25) == [255, 0, 0])
        #expect(pixel(image, 90, 25) == [0, 0, 255])
    }

    @Test func noRepeatLeavesTheRestOfTheBoxAlone() throws {
        let uri = try redBluePNG()
        let image = try render("<body style='margin:0'><div style='width:100px;height:50px;background:url(\"\(uri)\") no-repeat #00ff00;background-size:20px 10px'></div></body>")
        #expect(pixel(image, 2, 5) == [255, 0, 0])
        #expect(pixel(image, 17, 5) == [0, 0, 255])
        #expect(pixel(image, 50, 30) == [0, 255, 0])
    }

    @Test func tilesRepeat() throws {
        let uri = try redBluePNG()
        let image = try render("<body style='margin:0'><div style='width:100px;height:50px;background-image:url(\"\(uri)\");background-size:20px 10px'></div></body>")
        #expect(pixel(image, 42, 45) == [255, 0, 0])
        #expect(pixel(image, 97, 45) == [0, 0, 255])
    }

    @Test(arguments: ["data:image/png;base64,AAAA", "https://example.com/a.png", "data:image/png;base64,@@"])
    func unusableImagesFailTheRenderClearly(reference: String) {
        #expect(throws: RenderError.self) {
            try LaidOut.renderer.render(html: "<div style='height:10px;background-image:url(\"\(reference)\")'></div>", width: 20, height: 20, encoding: .png)
        }
    }

    @Test func placementMath() {
        #expect(ImagePlacement.size(width: 200, height: 100, fit: .contain, box: (100, 100)) == (100, 50))
        #expect(ImagePlacement.size(width: 200, height: 100, fit: .cover, box: (100, 100)) == (200, 100))
        #expect(ImagePlacement.size(width: 50, height: 25, fit: .scaleDown, box: (100, 100)) == (50, 25))
        #expect(ImagePlacement.size(width: 200, height: 100, fit: .size(nil, .px(10)), box: (100, 100)) == (20, 10))
        let origin = ImagePlacement.origin(of: (20, 10), in: Rect(x: 5, y: 5, width: 100, height: 50), position: .center)
        #expect(origin == Point(x: 45, y: 25))
    }
}
