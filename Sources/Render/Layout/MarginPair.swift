/// Adjoining vertical margins being collapsed (CSS 2.1 §8.3.1): the largest positive and the most
/// negative margin seen so far; the collapsed margin is their sum.
struct MarginPair: Sendable, Equatable {
    var positive = 0.0
    var negative = 0.0

    init() {}
    init(_ margin: Double) { add(margin) }

    var value: Double { positive + negative }

    mutating func add(_ margin: Double) {
        if margin > 0 { positive = max(positive, margin) } else { negative = min(negative, margin) }
    }

    mutating func add(_ other: MarginPair) {
        positive = max(positive, other.positive)
        negative = min(negative, other.negative)
    }
}
