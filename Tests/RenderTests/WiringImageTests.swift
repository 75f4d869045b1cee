import Foundation
import Testing
@testable import Render

/// `<img>` as a replaced element: natural size, attribute and CSS sizes with the ratio kept, painting, errors.
struct WiringImageTests {
    /// A 4×2 PNG, left half red and right half blue.
    private func picture() throws -> String {
        let canvas = Canvas(width: 4, height: 2)
        let red: [UInt8] = [255, 0, 0, 255], blue: [UInt8] = [0, 0, 255, 255]
        canvas.pixels = Array([red, red, blue, blue, red, red, blue, blue].joined())
        return "data:image/png;base64,\(Data(try PNGEncoder.encode(canvas)).base64EncodedString())"
    }

    private func frame(_ img: String, in container: String = "<div>%</div>") throws -> Rect? {
        let html = "<body style='margin:0'>" + container.replacingOccurrences(of: "%", with: img) + "</body>"
        return try LaidOut(html).frame("i")
    }

    @Test func naturalSizeWhenNothingIsSpecified() throws {
        let frame = try #require(try frame("<img id=i src='\(picture())'>"))
        #expect(frame.width == 4 && frame.height == 2)
    }

    @Test func sourcesSurroundedByWhiteSpaceStillLoad() throws {
        let frame = try #require(try frame("<img id=i src=' \t\(picture())  '>"))
        #expect(frame.width == 4 && frame.height == 2)
    }

    @Test func oneSpecifiedDimensionKeepsTheRatio() throws {
        #expect(try frame("<img id=i src='\(picture())' width=100>")?.height == 50)
        #expect(try frame("<img id=i src='\(picture())' style='height:30px'>")?.width == 60)
        #expect(try frame("<img id=i src='\(picture())' style='display:block;width:50%'>", in: "<div style='width:200px'>%</div>")?.height == 50)
    }

    @Test func bothDimensionsAreUsedAsGiven() throws {
        let frame = try #require(try frame("<img id=i src='\(picture())' width=10 style='height:40px'>"))
        #expect(frame.width == 10 && frame.height == 40)
    }

    @Test func maxWidthScalesTheHeightToo() throws {
        let frame = try #require(try frame("<img id=i src='\(picture())' width=400 style='max-width:100%'>", in: "<div style='width:100px'>%</div>"))
        #expect(frame.width == 100 && frame.height == 50)
    }

    @Test func flexItemImagesUseTheirNaturalWidth() throws {
        let frame = try #require(try frame("<img id=i src='\(picture())' style='height:20px'>",
                                            in: "<div style='display:flex;align-items:flex-start'>%<span>x</span></div>"))
        #expect(frame.width == 40 && frame.height == 20)
    }

    @Test func thePictureIsPainted() throws {
        let html = "<body style='margin:0'><img src='\(try picture())' style='display:block;width:40px;height:20px'></body>"
        let output = try LaidOut.renderer.render(html: html, width: 60, height: 30, encoding: .png)
        let decoded = try PNGDecoder.decode(output.bytes, maxPixels: 1 << 20)
        func pixel(_ x: Int, _ y: Int) -> [UInt8] { Array(decoded.rgba[(y * decoded.width + x) * 4..<(y * decoded.width + x) * 4 + 3]) }
        #expect(pixel(5, 10) == [255, 0, 0])
        #expect(pixel(35, 10) == [0, 0, 255])
        #expect(pixel(50, 10) == [255, 255, 255])
        #expect(pixel(5, 25) == [255, 255, 255])
    }

    @Test(arguments: ["<img src='data:image/png;base64,AAAA'>", "<img src='missing.png'>", "<img>"])
    func brokenImagesFailTheRenderNamingThem(html: String) {
        #expect(throws: RenderError.self) {
            try LaidOut.renderer.render(html: html, width: 20, height: 20, encoding: .png)
        }
    }

    @Test func imagesNoLongerWarnAsUnsupported() throws {
        let page = try LaidOut("<img src='\(try picture())'>")
        #expect(!page.warnings.contains { $0.contains("<img>") })
    }
}
