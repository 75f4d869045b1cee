import CICU

/// ICU's UAX #14 line breaker and UAX #9 bidi algorithm, the two pieces of Unicode text analysis the
/// engine takes from ICU as Chromium does.
///
/// Not Sendable: a break iterator and a `UBiDi` object carry state between calls, so each `TextEngine`
/// owns one analyzer and uses it from one thread at a time. Both keep a pointer to the last text they
/// were given; it is only read during the call that set it, and the next call replaces it.
final class UnicodeAnalyzer {
    /// A soft or forced line break opportunity before UTF-16 offset `offset`.
    struct BreakOpportunity: Equatable, Sendable {
        var offset: Int
        /// A mandatory break (after a newline): ICU's rule status `UBRK_LINE_HARD`.
        var isHard: Bool
    }

    private let lineIterator: UnsafeMutableRawPointer
    private let bidi: UnsafeMutableRawPointer

    /// - Throws: `TextError.unicode` when ICU cannot open its line break rules (missing ICU data).
    init() throws {
        guard let iterator = cicu_line_iterator_open() else { throw TextError.unicode("ubrk_open(UBRK_LINE) failed") }
        guard let bidi = cicu_bidi_open() else {
            cicu_line_iterator_close(iterator)
            throw TextError.unicode("ubidi_open failed")
        }
        lineIterator = iterator
        self.bidi = bidi
    }

    deinit {
        cicu_line_iterator_close(lineIterator)
        cicu_bidi_close(bidi)
    }

    /// Line break opportunities of `text` (UTF-16) per UAX #14 with ICU's default (CSS `line-break: auto`)
    /// tailoring, excluding offset 0 and including the end of the text.
    func lineBreaks(in text: [UInt16]) -> [BreakOpportunity] {
        guard !text.isEmpty else { return [] }
        return text.withUnsafeBufferPointer { buffer -> [BreakOpportunity] in
            guard cicu_line_iterator_set_text(lineIterator, buffer.baseAddress, Int32(buffer.count)) == 0 else {
                return [BreakOpportunity(offset: buffer.count, isHard: false)]
            }
            var result: [BreakOpportunity] = []
            var hard: Int32 = 0
            while true {
                let offset = cicu_line_iterator_next(lineIterator, &hard)
                guard offset >= 0 else { break }
                result.append(BreakOpportunity(offset: Int(offset), isHard: hard != 0))
            }
            return result
        }
    }

    /// The UAX #9 embedding level of every UTF-16 unit of `text` and the paragraph's level.
    /// - Parameter direction: the paragraph's base direction; `.auto` takes it from the first strong
    ///   character (rules P2–P3), left-to-right when there is none.
    func bidiLevels(of text: [UInt16], direction: TextDirection) -> (levels: [UInt8], paragraphLevel: UInt8) {
        let requested: UInt8
        switch direction {
        case .ltr: requested = 0
        case .rtl: requested = 1
        case .auto: requested = 255
        }
        // Text with no character that could be right-to-left needs no analysis: every level is the
        // paragraph's (right-to-left letters and the explicit bidi controls all sit at U+0590 or above).
        if direction != .rtl, !text.contains(where: { $0 >= 0x0590 }) {
            return ([UInt8](repeating: 0, count: text.count), 0)
        }
        guard !text.isEmpty else { return ([], requested & 1) }
        var levels = [UInt8](repeating: 0, count: text.count)
        let paragraphLevel = text.withUnsafeBufferPointer { buffer in
            levels.withUnsafeMutableBufferPointer { output in
                cicu_bidi_levels(bidi, buffer.baseAddress, Int32(buffer.count), requested, output.baseAddress)
            }
        }
        guard paragraphLevel >= 0 else {
            let fallback = requested == 1 ? UInt8(1) : 0
            return ([UInt8](repeating: fallback, count: text.count), fallback)
        }
        return (levels, UInt8(paragraphLevel))
    }

    /// Logical indices in visual (left-to-right) order for items at `levels` (UAX #9 rule L2).
    static func visualOrder(levels: [UInt8]) -> [Int] {
        guard let first = levels.first else { return [] }
        if first & 1 == 0, levels.allSatisfy({ $0 == first }) { return Array(levels.indices) }
        var map = [Int32](repeating: 0, count: levels.count)
        levels.withUnsafeBufferPointer { levelBuffer in
            map.withUnsafeMutableBufferPointer { mapBuffer in
                cicu_bidi_reorder_visual(levelBuffer.baseAddress, Int32(levels.count), mapBuffer.baseAddress)
            }
        }
        return map.map(Int.init)
    }
}
