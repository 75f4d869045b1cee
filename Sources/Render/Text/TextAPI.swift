// Internal API contract of Render/Text, used by layout and paint.
// The text implementer keeps every signature below (adding is fine), replaces the placeholder
// bodies (which measure every character as 0.55 em so layout can be developed before text lands),
// moves each type into its own file as STYLE.md asks, and deletes this file.

/// A font request as CSS states it.
struct FontSpec: Hashable, Sendable {
    /// CSS family names in order; generic names (`sans-serif`, `serif`, `monospace`, `system-ui`,
    /// `emoji`, `cursive`, `fantasy`) allowed. Fallback for missing glyphs goes beyond this list.
    var families: [String]
    /// Font size in CSS px.
    var size: Double
    /// 1–1000; 400 normal, 700 bold.
    var weight: Int
    var italic: Bool
}

/// A run of text with one style, one of the pieces of an inline formatting context.
struct TextSpan: Sendable {
    var text: String
    var font: FontSpec
    var color: Color
    /// Extra space after every grapheme, in px (CSS `letter-spacing`).
    var letterSpacing: Double = 0
}

enum TextAlign: Sendable { case left, right, center, justify }

enum WhiteSpace: Sendable { case normal, nowrap, pre, preWrap, preLine }

enum LineHeight: Sendable, Equatable {
    /// From the primary font's metrics, as Chromium computes `normal`.
    case normal
    /// A multiple of the font size (`line-height: 1.2`).
    case multiple(Double)
    /// An absolute length in px.
    case length(Double)
}

struct ParagraphStyle: Sendable {
    var lineHeight: LineHeight = .normal
    var align: TextAlign = .left
    var whiteSpace: WhiteSpace = .normal
    /// Lines beyond this are dropped; the last kept line ends in "…" if text was cut (`-webkit-line-clamp`).
    var maxLines: Int? = nil
}

/// Ascent and descent of a font at a size, in px (ascent positive up, descent positive down).
struct FontMetrics: Sendable, Equatable {
    var ascent: Double
    var descent: Double
    var lineGap: Double
}

/// One laid-out line. Glyph positions are relative to the paragraph's origin.
struct TextLine: Sendable {
    /// Left edge of the line's content after alignment.
    var x: Double
    /// Top of the line box.
    var y: Double
    var width: Double
    var height: Double
    /// Baseline position from the paragraph's top.
    var baseline: Double
    /// Opaque glyph data the engine draws; the layout code does not look inside.
    var glyphs: [PositionedGlyph]
}

/// A glyph to draw: which face, which glyph, where (baseline origin, paragraph coordinates), which color.
struct PositionedGlyph: Sendable {
    var fontIndex: Int
    var glyphID: UInt32
    var x: Double
    var y: Double
    var size: Double
    var color: Color
}

/// Lines of an inline formatting context broken to a width.
struct Paragraph: Sendable {
    var lines: [TextLine]
    /// Widest line.
    var width: Double
    /// Sum of line heights.
    var height: Double
    /// Baseline of the first line from the top (for flex baseline alignment); 0 when empty.
    var firstBaseline: Double
}

/// Shapes, breaks and draws text. Not thread-safe: each render uses its own engine (or a pool of them);
/// what can be shared (font discovery, glyph caches) is shared behind locks inside.
final class TextEngine {
    init(fonts: FontConfiguration) throws {}
    /// Fingerprint of the font files in use (names, sizes, modification times), for the cache key.
    var fontSetFingerprint: String { "placeholder" }
    func metrics(for font: FontSpec) -> FontMetrics {
        FontMetrics(ascent: font.size * 0.9, descent: font.size * 0.25, lineGap: 0)
    }
    /// Width of the longest unbreakable piece (min-content) and of the whole text unwrapped (max-content).
    func intrinsicWidths(of spans: [TextSpan], style: ParagraphStyle) -> (min: Double, max: Double) {
        let widths = spans.flatMap { span in span.text.split(separator: " ").map { Double($0.count) * span.font.size * 0.55 } }
        let total = spans.reduce(0.0) { $0 + Double($1.text.count) * $1.font.size * 0.55 }
        return (widths.max() ?? 0, total)
    }
    /// Breaks `spans` into lines no wider than `maxWidth` (UAX #14 opportunities) and aligns them.
    func layout(_ spans: [TextSpan], style: ParagraphStyle, maxWidth: Double) -> Paragraph {
        let size = spans.first?.font.size ?? 16
        let width = min(maxWidth, intrinsicWidths(of: spans, style: style).max)
        let line = TextLine(x: 0, y: 0, width: width, height: size * 1.2, baseline: size * 0.95, glyphs: [])
        return Paragraph(lines: [line], width: width, height: size * 1.2, firstBaseline: size * 0.95)
    }
    /// Draws a laid-out paragraph with its top-left corner at `origin`.
    func draw(_ paragraph: Paragraph, at origin: Point, on canvas: Canvas) {}
}
