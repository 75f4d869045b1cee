/// The text engine's benchmark workloads, run by `ogpress text-bench`: each pass itemizes, shapes, breaks
/// and rasterizes its text onto a 1200×630 canvas with one engine whose glyph cache stays warm.
///
/// Not Sendable: it owns a `TextEngine`; run it from one thread.
public final class TextBenchmark {
    /// What one pass lays out and draws.
    public enum Workload: String, CaseIterable, Sendable {
        /// A 60-character title in Inter Bold at 64 px, three lines in 1000 px.
        case title
        /// A 500-word paragraph in Inter at 18 px in 1100 px.
        case paragraph
    }

    private let engine: TextEngine
    private let canvas = Canvas(width: 1200, height: 630)

    /// - Throws: what `TextEngine` throws when fonts or ICU are missing.
    public init(fonts: FontConfiguration) throws {
        engine = try TextEngine(fonts: fonts)
    }

    /// Runs one pass of `workload`.
    /// - Returns: the number of lines laid out (3 for the title), for a sanity check.
    @discardableResult
    public func run(_ workload: Workload) -> Int {
        let (spans, width) = Self.input(for: workload)
        // Each pass shapes and breaks anew, as a render does; only the glyph cache stays warm.
        engine.forgetShapedText()
        let paragraph = engine.layout(spans, style: ParagraphStyle(), maxWidth: width)
        engine.draw(paragraph, at: Point(x: 100, y: 40), on: canvas)
        return paragraph.lines.count
    }

    private static func input(for workload: Workload) -> ([TextSpan], Double) {
        switch workload {
        case .title:
            let font = FontSpec(families: ["Inter"], size: 64, weight: 700, italic: false)
            return ([TextSpan(text: "Building a self-hosted Open Graph image server in pure Swift", font: font, color: .black)], 1000)
        case .paragraph:
            let font = FontSpec(families: ["Inter"], size: 18, weight: 400, italic: false)
            let words = ["the", "renderer", "breaks", "lines", "at", "opportunities", "found", "by", "ICU,", "shapes",
                         "each", "run", "with", "HarfBuzz", "and", "draws", "glyphs", "from", "a", "cache"]
            let text = (0..<500).map { words[($0 * 7 + $0 / 20) % words.count] }.joined(separator: " ")
            return ([TextSpan(text: text, font: font, color: .black)], 1100)
        }
    }
}
