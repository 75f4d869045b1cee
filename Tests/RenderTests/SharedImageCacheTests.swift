import Foundation
import Testing
@testable import Render

/// Images kept between renders: bounded by bytes, least recently used first out, found only by
/// what fixes their pixels, and never changing what a render paints.
struct SharedImageCacheTests {
    private typealias S = RasterTestSupport

    private static func decoded(_ width: Int, _ height: Int, shade: UInt8 = 200) -> DecodedImage {
        DecodedImage(width: width, height: height, straightRGBA: [UInt8](repeating: shade, count: width * height * 4))
    }

    private static func key(_ text: String) -> SharedImageCache.Key { .init(source: SampledTextKey(text)) }

    @Test func leastRecentlyUsedEntriesLeaveFirstAndTheBudgetHolds() {
        // Four 10×10 images (400 bytes each, plus a one-byte key) fit in 1,700 bytes; a fifth does not.
        let cache = SharedImageCache(budget: 1_700)
        for name in ["a", "b", "c", "d"] { cache.keep(.decoded(Self.decoded(10, 10)), for: Self.key(name)) }
        #expect(cache.count == 4 && cache.bytes == 1_604)
        _ = cache.value(for: Self.key("a"))
        cache.keep(.decoded(Self.decoded(10, 10)), for: Self.key("e"))
        #expect(cache.value(for: Self.key("b")) == nil, "b was used least recently")
        #expect(cache.value(for: Self.key("a")) != nil && cache.value(for: Self.key("e")) != nil)
        #expect(cache.bytes <= 1_700 && cache.count == 4)
        // Keeping a key again replaces its entry instead of counting it twice.
        cache.keep(.decoded(Self.decoded(10, 10, shade: 9)), for: Self.key("e"))
        #expect(cache.count == 4 && cache.bytes == 1_604)
    }

    @Test func anEntryOverAQuarterOfTheBudgetIsNotKept() {
        let cache = SharedImageCache(budget: 1_600)
        cache.keep(.decoded(Self.decoded(10, 10)), for: Self.key("large"))
        #expect(cache.count == 0 && cache.bytes == 0)
        let none = SharedImageCache(budget: 0)
        none.keep(.decoded(Self.decoded(1, 1)), for: Self.key("tiny"))
        #expect(none.count == 0)
    }

    @Test func keysOfLongTextsDifferingInOneUnsampledByteStayApart() {
        let base = "data:image/png;base64," + String(repeating: "A", count: 10_000)
        var bytes = Array(base.utf8)
        bytes[5_001] = UInt8(ascii: "B")
        let other = String(decoding: bytes, as: UTF8.self)
        let first = SampledTextKey(base), second = SampledTextKey(other)
        #expect(first != second)
        #expect(first == SampledTextKey(String(base)))
        #expect(first.hashValue == SampledTextKey(base + "").hashValue)
        let table: [SampledTextKey: Int] = [first: 1, second: 2]
        #expect(table[SampledTextKey(base)] == 1 && table[SampledTextKey(other)] == 2)
    }

    /// A file kept by its stamp: found again while unchanged, decoded afresh once rewritten, and an
    /// error once removed, however recently it was kept.
    @Test func aFileIsKeptByItsStampAndAChangedFileIsReadAgain() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ogpress-kept-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        func write(_ color: Color) throws {
            let canvas = Canvas(width: 80, height: 60)
            canvas.fill(Rect(x: 0, y: 0, width: 80, height: 60), paint: .solid(color))
            try Data(try PNGEncoder.encode(canvas)).write(to: folder.appendingPathComponent("logo.png"))
        }
        let shared = SharedImageCache(budget: 1 << 20)
        let loader = ImageLoader(root: folder.path)
        try write(S.red)
        #expect(try ImageCache(loader: loader, shared: shared).image("logo.png").pixel(x: 1, y: 1) == [255, 0, 0, 255])
        #expect(shared.count == 1)
        #expect(try ImageCache(loader: loader, shared: shared).image("logo.png").pixel(x: 1, y: 1) == [255, 0, 0, 255])
        #expect(shared.count == 1)
        try write(S.blue)
        #expect(try ImageCache(loader: loader, shared: shared).image("logo.png").pixel(x: 1, y: 1) == [0, 0, 255, 255])
        #expect(shared.count == 2)
        // An image too small to be worth keeping is decoded each time.
        let tiny = Canvas(width: 8, height: 8)
        try Data(try PNGEncoder.encode(tiny)).write(to: folder.appendingPathComponent("dot.png"))
        #expect(try ImageCache(loader: loader, shared: shared).image("dot.png").width == 8)
        #expect(shared.count == 2)
        try FileManager.default.removeItem(at: folder.appendingPathComponent("logo.png"))
        #expect(throws: RenderError.self) { try ImageCache(loader: loader, shared: shared).image("logo.png") }
    }

    /// A card with a cover photo and a small avatar: renders that find the images kept give the same
    /// bytes as a renderer that keeps nothing, and the photo's resample is among what is kept.
    @Test func keptImagesChangeNoByteOfARender() throws {
        let photo = Canvas(width: 97, height: 61)
        photo.fill(Rect(x: 0, y: 0, width: 97, height: 61),
                   paint: .linearGradient(angle: 30, stops: [GradientStop(color: S.red, position: 0), GradientStop(color: S.blue, position: 1)]))
        photo.fill(Rect(x: 20.5, y: 10.25, width: 30, height: 30), radii: CornerRadii(all: 15), paint: .solid(.white))
        let uri = "data:image/png;base64," + Data(try PNGEncoder.encode(photo)).base64EncodedString()
        let html = """
            <body style="margin:0;width:300px;height:160px;background:#123 url('\(uri)') center / cover no-repeat">
            <img src="\(uri)" style="position:absolute;left:11px;top:9px;width:200.5px;height:120px;border-radius:30px;opacity:.8">
            </body>
            """
        let keeping = try Renderer(fonts: FontConfiguration(), images: ImageLoader(), deadline: .seconds(3600))
        let fresh = try Renderer(fonts: FontConfiguration(), images: ImageLoader(), deadline: .seconds(3600), imageCacheBytes: 0)
        let expected = try fresh.render(html: html, width: 300, height: 160, encoding: .png).bytes
        let first = try keeping.render(html: html, width: 300, height: 160, encoding: .png).bytes
        #expect(keeping.keptImages.count == 3, "the decoded photo and its two resamples")
        let second = try keeping.render(html: html, width: 300, height: 160, encoding: .png).bytes
        #expect(first == expected && second == expected)
        #expect(fresh.keptImages.count == 0)
    }
}
