import Testing
@testable import Render

/// Inline text moved off the baseline by `vertical-align: sub | super | <length-percentage>` (CSS 2.1 §10.8.1).
struct LayoutBaselineShiftTests {
    private func page(_ body: String) throws -> LaidOut {
        try LaidOut("<body style='margin:0;font:16px/20px sans-serif;width:400px'>\(body)</body>")
    }

    /// The first line of the only paragraph on the page.
    private func line(_ page: LaidOut) throws -> TextLine {
        try #require(page.scene.boxes.first { $0.kind == .paragraph }?.paragraph?.lines.first)
    }

    @Test func superscriptGlyphsSitAboveTheBaseline() throws {
        let line = try line(try page("<div>x<sup>2</sup></div>"))
        let normal = line.glyphs.filter { $0.size == 16 }
        let raised = line.glyphs.filter { $0.size < 16 }
        #expect(!normal.isEmpty && !raised.isEmpty)
        #expect(normal.allSatisfy { $0.y == line.baseline })
        // Blink raises `super` by a third of the parent's font size plus one pixel.
        #expect(raised.allSatisfy { abs(line.baseline - $0.y - (16.0 / 3 + 1)) < 0.001 })
    }

    @Test func subscriptGlyphsSitBelowTheBaseline() throws {
        let line = try line(try page("<div>H<sub>2</sub>O</div>"))
        let lowered = line.glyphs.filter { $0.size < 16 }
        #expect(!lowered.isEmpty)
        #expect(lowered.allSatisfy { abs($0.y - line.baseline - (16.0 / 5 + 1)) < 0.001 })
    }

    @Test func shiftedTextGrowsTheLine() throws {
        let plain = try page("<div id=p>x2</div>")
        let raised = try page("<div id=p>x<sup>2</sup></div>")
        let lowered = try page("<div id=p>x<sub>2</sub></div>")
        let plainHeight = try #require(plain.frame("p")?.height)
        #expect(plainHeight == 20)
        #expect(try #require(raised.frame("p")?.height) > plainHeight)
        #expect(try #require(lowered.frame("p")?.height) > plainHeight)
        // Raising text makes room above it: the baseline moves down.
        #expect(try line(raised).baseline > line(plain).baseline)
    }

    @Test(arguments: [("10px", 10.0), ("-4px", -4.0), ("50%", 10.0)])
    func lengthsAndPercentagesOfLineHeightShiftText(value: String, shift: Double) throws {
        let line = try line(try page("<div>x<span style='vertical-align:\(value);font-size:10px'>y</span></div>"))
        let shifted = line.glyphs.filter { $0.size == 10 }
        #expect(!shifted.isEmpty)
        #expect(shifted.allSatisfy { abs(line.baseline - $0.y - shift) < 0.001 })
    }

    @Test func nestedShiftsAddUp() throws {
        let line = try line(try page("<div>x<span style='vertical-align:5px'>y<span style='vertical-align:3px;font-size:10px'>z</span></span></div>"))
        let inner = line.glyphs.filter { $0.size == 10 }
        #expect(!inner.isEmpty)
        #expect(inner.allSatisfy { abs(line.baseline - $0.y - 8) < 0.001 })
    }

    @Test func anInlineBlockInsideSuperscriptStartsOnItsOwnBaseline() throws {
        let page = try page("<div><sup><span style='display:inline-block'>in</span></sup></div>")
        let paragraph = try #require(page.scene.boxes.first { $0.kind == .paragraph }?.paragraph)
        let line = try #require(paragraph.lines.first)
        #expect(line.glyphs.allSatisfy { $0.y == line.baseline })
    }

    @Test func subAndSupUseASmallerFont() throws {
        let page = try page("<div>x<sup id=s>2</sup></div>")
        let size = try #require(page.scene.boxes.first { $0.kind == .paragraph }?.paragraph?.lines.first?.glyphs.map(\.size).min())
        #expect(abs(size - 16 / 1.2) < 0.001)
    }
}
