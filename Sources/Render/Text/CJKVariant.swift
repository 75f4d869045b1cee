/// Which regional Noto Sans CJK face renders Han characters.
///
/// The rule is simple until `lang` reaches the text engine: a paragraph containing kana is Japanese,
/// one containing Hangul is Korean, anything else uses the Simplified Chinese forms.
enum CJKVariant: Hashable, Sendable {
    case japanese, korean, simplifiedChinese

    init(text: String) {
        var variant = CJKVariant.simplifiedChinese
        for scalar in text.unicodeScalars {
            if TextCharacters.isKana(scalar) { variant = .japanese; break }
            if TextCharacters.isHangul(scalar) { variant = .korean }
        }
        self = variant
    }

    /// The BCP 47 language HarfBuzz gets for CJK runs, selecting the font's regional forms (`locl`).
    var language: String {
        switch self {
        case .japanese: return "ja"
        case .korean: return "ko"
        case .simplifiedChinese: return "zh-Hans"
        }
    }

    var family: String {
        switch self {
        case .japanese: return "Noto Sans CJK JP"
        case .korean: return "Noto Sans CJK KR"
        case .simplifiedChinese: return "Noto Sans CJK SC"
        }
    }
}
