import CPNG

/// The PNG row filters libpng may choose from (PNG spec §9.2). With several, libpng picks per row
/// by the minimum-sum-of-absolute-differences heuristic.
struct PNGFilters: OptionSet, Sendable {
    let rawValue: Int32

    static let none = PNGFilters(rawValue: Int32(PNG_FILTER_NONE))
    static let sub = PNGFilters(rawValue: Int32(PNG_FILTER_SUB))
    static let up = PNGFilters(rawValue: Int32(PNG_FILTER_UP))
    static let average = PNGFilters(rawValue: Int32(PNG_FILTER_AVG))
    static let paeth = PNGFilters(rawValue: Int32(PNG_FILTER_PAETH))
    static let all: PNGFilters = [.none, .sub, .up, .average, .paeth]
}
