import CImageShims
import Foundation
import Testing
@testable import Render

/// The card-tuned deflate compressor: every image must come back pixel for pixel through libpng,
/// and its zlib stream must also inflate with zlib alone to rows that, with their filters undone,
/// are exactly the image's scanlines.
struct PNGDeflateTests {
    static let card = PNGEncoder.Settings(filters: .none, level: 3, strategy: 0, compressor: .card)
    static let zlib = PNGEncoder.Settings(filters: .none, level: 3, strategy: 0, compressor: .zlib)

    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A small deterministic generator (xorshift64*), so every seed names the same image.
    struct Generator {
        var state: UInt64
        init(seed: UInt64) { state = seed &* 0x9E37_79B9_7F4A_7C15 | 1 }
        mutating func next() -> UInt64 {
            state ^= state >> 12
            state ^= state << 25
            state ^= state >> 27
            return state &* 0x2545_F491_4F6C_DD1D
        }
        mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
    }

    /// Straight-alpha pixels the PNG must decode to.
    static func expected(_ canvas: Canvas) -> [UInt8] {
        PNGEncoder.isOpaque(canvas) ? canvas.pixels : PNGEncoder.unpremultiplied(canvas.pixels)
    }

    /// The concatenated IDAT payloads of a PNG.
    static func zlibStream(of png: [UInt8]) -> [UInt8] {
        var stream: [UInt8] = []
        var offset = 8
        while offset + 12 <= png.count {
            let length = png[offset..<(offset + 4)].reduce(0) { $0 << 8 | Int($1) }
            if png[(offset + 4)..<(offset + 8)].elementsEqual("IDAT".utf8) {
                stream += png[(offset + 8)..<(offset + 8 + length)]
            }
            offset += 12 + length
        }
        return stream
    }

    /// The unfiltered scanlines (PNG spec §7.3) the zlib stream must hold: a zero filter byte, then
    /// RGB, or RGBA when any pixel is translucent.
    static func scanlines(_ canvas: Canvas) -> [UInt8] {
        let pixels = expected(canvas)
        let channels = PNGEncoder.isOpaque(canvas) ? 3 : 4
        var rows: [UInt8] = []
        rows.reserveCapacity((canvas.width * channels + 1) * canvas.height)
        for y in 0..<canvas.height {
            rows.append(0)
            for x in 0..<canvas.width {
                let at = (y * canvas.width + x) * 4
                rows += pixels[at..<(at + channels)]
            }
        }
        return rows
    }

    /// Inflates a zlib stream with zlib itself; nil when zlib rejects it.
    static func inflate(_ stream: [UInt8], capacity: Int) -> [UInt8]? {
        var output = [UInt8](repeating: 0, count: capacity + 1)
        var written = 0
        let status = stream.withUnsafeBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                cimage_zlib_inflate(source.baseAddress!, source.count, target.baseAddress!, target.count, &written)
            }
        }
        return status == Int32(CIMAGE_OK) ? Array(output[0..<written]) : nil
    }

    /// The filter byte of each row of inflated scanlines `rowLength` bytes long.
    static func filterTypes(_ filtered: [UInt8], rowLength: Int) -> [UInt8] {
        stride(from: 0, to: filtered.count, by: rowLength).map { filtered[$0] }
    }

    /// Inflated scanlines with each row's filter undone and its filter byte set to 0. The card
    /// writer uses None (0) and Up (2, PNG spec §9.2: each byte plus the byte above); nil for any
    /// other type.
    static func unfiltered(_ filtered: [UInt8], rowLength: Int) -> [UInt8]? {
        var rows = filtered
        for start in stride(from: 0, to: rows.count, by: rowLength) {
            switch rows[start] {
            case 0: continue
            case 2 where start >= rowLength:
                for index in (start + 1)..<Swift.min(rows.count, start + rowLength) { rows[index] &+= rows[index - rowLength] }
                rows[start] = 0
            default: return nil
            }
        }
        return rows
    }

    /// Encodes with the card compressor and checks the result with both decoders; returns the PNG.
    @discardableResult
    static func roundTrip(_ canvas: Canvas, _ comment: Comment? = nil) throws -> [UInt8] {
        let png = try PNGEncoder.encode(canvas, settings: card)
        let decoded = try PNGDecoder.decode(png, maxPixels: canvas.width * canvas.height)
        #expect(decoded.width == canvas.width && decoded.height == canvas.height, comment)
        #expect(decoded.rgba == expected(canvas), comment)
        let rows = scanlines(canvas)
        let rowLength = rows.count / canvas.height
        #expect(inflate(zlibStream(of: png), capacity: rows.count).flatMap { unfiltered($0, rowLength: rowLength) } == rows, comment)
        return png
    }

    /// The filter type of every row of the card writer's PNG of `canvas`.
    static func cardFilterTypes(_ canvas: Canvas) throws -> [UInt8] {
        let png = try roundTrip(canvas)
        let rowLength = scanlines(canvas).count / canvas.height
        return filterTypes(try #require(inflate(zlibStream(of: png), capacity: rowLength * canvas.height)), rowLength: rowLength)
    }

    static func canvas(width: Int, height: Int, fill: (Int, Int) -> (UInt8, UInt8, UInt8, UInt8)) -> Canvas {
        let canvas = Canvas(width: width, height: height)
        for y in 0..<height {
            for x in 0..<width {
                let (red, green, blue, alpha) = fill(x, y)
                let at = (y * width + x) * 4
                // Premultiplied: no channel exceeds alpha.
                canvas.pixels[at] = min(red, alpha)
                canvas.pixels[at + 1] = min(green, alpha)
                canvas.pixels[at + 2] = min(blue, alpha)
                canvas.pixels[at + 3] = alpha
            }
        }
        return canvas
    }

    static func noise(width: Int, height: Int, seed: UInt64, opaque: Bool = true) -> Canvas {
        var generator = Generator(seed: seed)
        return canvas(width: width, height: height) { _, _ in
            let bits = generator.next()
            return (UInt8(truncatingIfNeeded: bits), UInt8(truncatingIfNeeded: bits >> 8),
                    UInt8(truncatingIfNeeded: bits >> 16), opaque ? 255 : UInt8(truncatingIfNeeded: bits >> 24))
        }
    }

    /// A canvas rendered from HTML, rebuilt from its decoded PNG (premultiplying any translucent pixel).
    static func rendered(_ html: String, width: Int = 1200, height: Int = 630) throws -> Canvas {
        let output = try LaidOut.renderer.render(html: html, width: width, height: height, encoding: .png)
        let decoded = try PNGDecoder.decode(output.bytes, maxPixels: width * height)
        return canvas(width: width, height: height) { x, y in
            let at = (y * width + x) * 4
            let alpha = UInt16(decoded.rgba[at + 3])
            let premultiply = { (value: UInt8) in UInt8((UInt16(value) * alpha + 127) / 255) }
            return (premultiply(decoded.rgba[at]), premultiply(decoded.rgba[at + 1]),
                    premultiply(decoded.rgba[at + 2]), UInt8(alpha))
        }
    }

    @Test func everyTemplateRoundTrips() throws {
        for page in try DeterminismTests.examples() {
            let canvas = try Self.rendered(page.html, width: page.width, height: page.height)
            let png = try Self.roundTrip(canvas, "\(page.id)")
            // Cards are mostly flat; a compressor that stops matching would land far above this.
            #expect(png.count * 10 < canvas.width * canvas.height * 3, "\(page.id)")
        }
    }

    @Test(arguments: ["Fidelity/cases/card-hello.html", "Fidelity/cases/card-event.html",
                      "Fidelity/cases/text-arabic.html", "Fidelity/cases/style-colors-modern.html",
                      "RenderTests/Fixtures/paint/gradients.html", "RenderTests/Fixtures/paint/box-shadow.html",
                      "RenderTests/Fixtures/paint/effects.html"])
    func renderedCardRoundTrips(path: String) throws {
        let html = try String(contentsOf: Self.root.appendingPathComponent("Tests/\(path)"), encoding: .utf8)
        try Self.roundTrip(try Self.rendered(html), "\(path)")
    }

    @Test func noiseFallsBackToStoredBlocks() throws {
        let canvas = Self.noise(width: 300, height: 200, seed: 7)
        let png = try Self.roundTrip(canvas)
        let stream = Self.zlibStream(of: png)
        // BTYPE 00 (RFC 1951 §3.2.3) in the first block header, after the 2-byte zlib header.
        #expect(stream[2] & 0b110 == 0)
        // Stored blocks cost 5 bytes each; the zlib wrapper 6 more.
        let raw = (300 * 3 + 1) * 200
        #expect(stream.count <= raw + raw / 1000 + 6)
    }

    /// Rows of a photograph are Up-filtered and sent as literals; a card's rows stay unfiltered.
    /// Here a card with a photo band in the middle and a rendered card with a large photo.
    @Test func photoRowsAreFilteredAndCardRowsAreNot() throws {
        var generator = Generator(seed: 21)
        let canvas = Self.canvas(width: 640, height: 120) { x, y in
            guard y >= 40 && y < 80 else { return x % 100 < 50 ? (20, 30, 40, 255) : (240, 240, 230, 255) }
            // Shading plus sensor noise: neighbours close, rarely equal.
            let noise = Int(generator.below(9)) - 4
            let shade = { (base: Int) in UInt8(clamping: base + noise) }
            return (shade(60 + x / 5), shade(90 + y), shade(140 + (x + y) / 7), 255)
        }
        let types = try Self.cardFilterTypes(canvas)
        #expect(types[0..<40].allSatisfy { $0 == 0 })
        #expect(types[41..<80].allSatisfy { $0 == 2 })
        #expect(types[80..<120].allSatisfy { $0 == 0 })
        // The filtered photo compresses to well under half the raw size despite its noise.
        #expect(try PNGEncoder.encode(canvas, settings: Self.card).count < 640 * 40 * 3 / 2 + 640 * 80 * 3 / 20)
    }

    @Test func renderedPhotoCardRoundTripsAndFiltersThePhoto() throws {
        let html = try String(contentsOf: Self.root.appendingPathComponent("Tests/Fidelity/cases/card-photo.html"), encoding: .utf8)
        let canvas = try Self.rendered(html)
        let types = try Self.cardFilterTypes(canvas)
        #expect(types.filter { $0 == 2 }.count > canvas.height / 2)
        for text in ["Fidelity/cases/card-hello.html", "Fidelity/cases/text-latin.html", "Fidelity/cases/card-event.html"] {
            let card = try Self.rendered(try String(contentsOf: Self.root.appendingPathComponent("Tests/\(text)"), encoding: .utf8))
            #expect(try Self.cardFilterTypes(card).allSatisfy { $0 == 0 }, "\(text)")
        }
    }

    /// Literal runs (photo rows) and matches alternate within one block, so the bit accumulator
    /// passes between `put_tokens` and `put_literals` ten times per block, at whatever bit offset
    /// the previous tokens left; the widths vary the row lengths and so those offsets.
    @Test(arguments: [640, 641, 643, 647])
    func literalRunsBetweenMatchesRoundTrip(width: Int) throws {
        var generator = Generator(seed: UInt64(width))
        let canvas = Self.canvas(width: width, height: 60) { x, y in
            // Card rows: steps of 12 pixels, so most four-pixel groups repeat the ones to their left.
            guard y % 6 == 3 else { return (UInt8(truncatingIfNeeded: x / 12 + y), 40, UInt8(truncatingIfNeeded: 200 - x / 12), 255) }
            let noise = Int(generator.below(9)) - 4
            return (UInt8(clamping: 80 + x / 5 + noise), UInt8(clamping: 90 + noise), UInt8(clamping: 140 + noise), 255)
        }
        let types = try Self.cardFilterTypes(canvas)
        #expect(types.enumerated().allSatisfy { $0.element == ($0.offset % 6 == 3 ? 2 : 0) })
    }

    @Test func oneColorIsTiny() throws {
        let canvas = Self.canvas(width: 1200, height: 630) { _, _ in (30, 60, 90, 255) }
        let png = try Self.roundTrip(canvas)
        #expect(png.count < 4000)
    }

    /// Shapes around the matcher's limits: one pixel, single rows and columns, odd widths, rows
    /// shorter and longer than a match (258) and than the window (32 K), and more rows than fit in
    /// the window.
    @Test(arguments: [(1, 1), (1, 300), (300, 1), (2, 2), (3, 5), (7, 13), (85, 9), (86, 9), (87, 33),
                      (1201, 7), (10_923, 3), (11_000, 4), (40, 2000)])
    func shapesRoundTrip(width: Int, height: Int) throws {
        // Rows repeat the row above shifted by one pixel, with runs and noise mixed in.
        var generator = Generator(seed: UInt64(width * 31 + height))
        let palette: [(UInt8, UInt8, UInt8)] = (0..<97).map { _ in
            let bits = generator.next()
            return (UInt8(truncatingIfNeeded: bits), UInt8(truncatingIfNeeded: bits >> 8), UInt8(truncatingIfNeeded: bits >> 16))
        }
        let opaque = Self.canvas(width: width, height: height) { x, y in
            let color = palette[((x + y) / 5) % palette.count]
            return (color.0, color.1, y % 17 == 3 ? UInt8(truncatingIfNeeded: x &* 131) : color.2, 255)
        }
        try Self.roundTrip(opaque, "\(width)×\(height) opaque")
        try Self.roundTrip(Self.noise(width: width, height: height, seed: 3), "\(width)×\(height) noise")
        let translucent = Self.canvas(width: width, height: height) { x, y in
            let color = palette[((x + 2 * y) / 3) % palette.count]
            return (color.0, color.1, color.2, UInt8(truncatingIfNeeded: 40 + (x / 9) * 7))
        }
        try Self.roundTrip(translucent, "\(width)×\(height) translucent")
    }

    @Test func repeatedRowsBeyondTheWindowRoundTrip() throws {
        // Each row is 3,601 bytes, so ten rows exceed the 32 K window; the block of 12 rows repeats.
        var generator = Generator(seed: 11)
        let block = (0..<(1200 * 12)).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
        let canvas = Self.canvas(width: 1200, height: 100) { x, y in
            let value = block[(y % 12) * 1200 + x]
            return (value, value &+ 1, value &+ 2, 255)
        }
        try Self.roundTrip(canvas)
    }

    @Test func alphaImagesAreRGBAWithStraightAlpha() throws {
        let canvas = Self.canvas(width: 257, height: 40) { x, y in
            (UInt8(x % 256), UInt8(y * 6), 200, x < 128 ? 255 : UInt8(255 - (x - 128)))
        }
        #expect(!PNGEncoder.isOpaque(canvas))
        let png = try Self.roundTrip(canvas)
        #expect(png[25] == 6)
    }

    /// The card writer checks alpha while dropping it: one translucent pixel anywhere (first pixel,
    /// a SIMD step's tail, a later band, the very last pixel) must turn the whole image into RGBA.
    @Test(arguments: [(0, 0), (7, 0), (8, 0), (1199, 0), (3, 17), (600, 100), (1198, 629), (1199, 629)])
    func oneTranslucentPixelMakesTheImageRGBA(x: Int, y: Int) throws {
        let canvas = Self.canvas(width: 1200, height: 630) { column, row in
            column == x && row == y ? (40, 40, 40, 128) : (UInt8(column % 200), UInt8(row % 250), 90, 255)
        }
        #expect(!PNGEncoder.isOpaque(canvas))
        let png = try Self.roundTrip(canvas, "translucent pixel at \(x), \(y)")
        #expect(png[25] == 6)
    }

    /// `isOpaque` (SIMD in the C shim) agrees with a byte-by-byte check for gaps at every kind of offset.
    @Test(arguments: [1, 3, 4, 31, 32, 33, 1023, 1024, 1025, 4099])
    func opacityCheckAgreesWithAByteLoop(width: Int) {
        for gap in [nil, 0, width / 2, width - 1] as [Int?] {
            let canvas = Self.canvas(width: width, height: 3) { x, y in
                (10, 20, 30, y == 2 && x == gap ? 254 : 255)
            }
            let reference = stride(from: 3, to: canvas.pixels.count, by: 4).allSatisfy { canvas.pixels[$0] == 255 }
            #expect(PNGEncoder.isOpaque(canvas) == reference, "width \(width), gap \(String(describing: gap))")
        }
    }

    @Test func runsCrossingRowsRoundTrip() throws {
        // One color from the middle of row 3 to the middle of row 40, others on either side.
        let canvas = Self.canvas(width: 333, height: 50) { x, y in
            let index = y * 333 + x
            if index >= 3 * 333 + 150 && index < 40 * 333 + 170 { return (9, 99, 199, 255) }
            return (UInt8(truncatingIfNeeded: index), UInt8(truncatingIfNeeded: index / 7), 5, 255)
        }
        try Self.roundTrip(canvas)
    }

    @Test(arguments: 0..<300)
    func seededMixturesRoundTrip(seed: Int) throws {
        var generator = Generator(seed: UInt64(seed) + 1000)
        let width = 1 + generator.below(seed % 10 == 0 ? 1500 : 120)
        let height = 1 + generator.below(seed % 10 == 0 ? 8 : 40)
        let opaque = seed % 3 != 0
        let canvas = Canvas(width: width, height: height)
        var index = 0
        // Runs of one color, copies of the row above (shifted), and noise, in random lengths.
        while index < width * height {
            let count = 1 + generator.below(seed % 2 == 0 ? 600 : 40)
            let kind = generator.below(4)
            let color = generator.next()
            for _ in 0..<count where index < width * height {
                let at = index * 4
                let alpha: UInt8 = opaque ? 255 : UInt8(truncatingIfNeeded: color >> 40) | 1
                switch kind {
                case 0:
                    for channel in 0..<3 { canvas.pixels[at + channel] = min(alpha, UInt8(truncatingIfNeeded: color >> (8 * channel))) }
                    canvas.pixels[at + 3] = alpha
                case 1 where index >= width + 2:
                    let source = (index - width + (seed % 5) - 2) * 4
                    for channel in 0..<4 { canvas.pixels[at + channel] = canvas.pixels[source + channel] }
                default:
                    let bits = generator.next()
                    for channel in 0..<3 { canvas.pixels[at + channel] = min(alpha, UInt8(truncatingIfNeeded: bits >> (8 * channel))) }
                    canvas.pixels[at + 3] = alpha
                }
                index += 1
            }
        }
        try Self.roundTrip(canvas, "seed \(seed)")
    }

    @Test func sameCanvasGivesTheSameBytes() throws {
        let html = try String(contentsOf: Self.root.appendingPathComponent("Tests/RenderTests/Fixtures/paint/gradients.html"),
                              encoding: .utf8)
        let canvas = try Self.rendered(html)
        let first = try PNGEncoder.encode(canvas, settings: Self.card)
        let second = try PNGEncoder.encode(canvas, settings: Self.card)
        #expect(first == second)
        #expect(try PNGEncoder.encode(Self.noise(width: 50, height: 50, seed: 1), settings: Self.card)
            == PNGEncoder.encode(Self.noise(width: 50, height: 50, seed: 1), settings: Self.card))
    }

    @Test func zlibSettingStillRoundTrips() throws {
        let canvas = Self.noise(width: 64, height: 32, seed: 5, opaque: false)
        let png = try PNGEncoder.encode(canvas, settings: Self.zlib)
        #expect(try PNGDecoder.decode(png, maxPixels: 64 * 32).rgba == Self.expected(canvas))
        #expect(Self.inflate(Self.zlibStream(of: png), capacity: Self.scanlines(canvas).count) == Self.scanlines(canvas))
    }

    @Test func corruptStreamIsRejectedByBothDecoders() throws {
        let canvas = Self.canvas(width: 120, height: 30) { x, y in (UInt8(x), UInt8(y), 7, 255) }
        var png = try PNGEncoder.encode(canvas, settings: Self.card)
        var stream = Self.zlibStream(of: png)
        stream[stream.count / 2] ^= 0x10
        #expect(Self.inflate(stream, capacity: 1 << 20) != Self.scanlines(canvas))
        png[41 + (png.count - 41) / 2] ^= 0x10
        #expect(throws: (any Error).self) { try PNGDecoder.decode(png, maxPixels: 120 * 30) }
    }
}
