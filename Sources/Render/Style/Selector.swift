/// A complex selector (Selectors 4): compound selectors joined by combinators, with an optional
/// trailing `::before` / `::after`.
///
/// Supported: type, `*`, `.class`, `#id`, attribute selectors (`[a]`, `=`, `~=`, `|=`, `^=`, `$=`, `*=`,
/// with the `i` flag), `:root`, `:first-child`, `:last-child`, `:only-child`, `:first-of-type`,
/// `:last-of-type`, `:nth-child()`, `:nth-last-child()`, `:empty`, `:not()`, `:is()`, `:where()`,
/// and the descendant, child (`>`), next-sibling (`+`) and subsequent-sibling (`~`) combinators.
/// Identifiers may contain CSS escapes (`.w-\[10px\]`). Anything else — user-action pseudo-classes
/// like `:hover` included, since a static image never matches them — makes the parse fail, so the
/// caller drops the selector with a warning.
struct Selector: Sendable, Equatable {
    /// Compounds from right (the subject) to left, each with the combinator to its left neighbour.
    var parts: [Part]
    /// Specificity (a, b, c) packed as a·10⁶ + b·10³ + c so it compares as one integer.
    var specificity: Int
    /// `before` or `after` when the selector ends in that pseudo-element.
    var pseudoElement: String?

    struct Part: Sendable, Equatable {
        var compound: Compound
        var combinator: Combinator
    }

    enum Combinator: Sendable, Equatable { case descendant, child, nextSibling, subsequentSibling }

    struct Compound: Sendable, Equatable {
        var tag: String?
        var id: String?
        var classes: [String] = []
        var attributes: [AttributeTest] = []
        var pseudoClasses: [PseudoClass] = []
    }

    struct AttributeTest: Sendable, Equatable {
        enum Operator: Sendable, Equatable { case exists, equals, includes, dashMatch, prefix, suffix, substring }
        var name: String
        var op: Operator
        var value: String
        var caseInsensitive: Bool
    }

    indirect enum PseudoClass: Sendable, Equatable {
        case root, empty
        case onlyChild(ofType: Bool)
        /// `an+b` counted from the start (or the end), among all element siblings or those of the same type.
        case nth(a: Int, b: Int, fromEnd: Bool, ofType: Bool)
        case not([Selector])
        /// `:is()`, or `:where()` when `countsSpecificity` is false.
        case matchesAny([Selector], countsSpecificity: Bool)
    }

    init?(parsing text: String) {
        var parser = SelectorParser(Array(text.trimmed))
        guard let selector = parser.parseComplex(), parser.atEnd else { return nil }
        self = selector
    }

    init(parts: [Part], pseudoElement: String?) {
        self.parts = parts
        self.pseudoElement = pseudoElement
        var ids = 0, classes = 0, types = 0
        for part in parts {
            let (a, b, c) = Self.specificity(of: part.compound)
            ids += a; classes += b; types += c
        }
        if pseudoElement != nil { types += 1 }
        specificity = min(ids, 999) * 1_000_000 + min(classes, 999) * 1_000 + min(types, 999)
    }

    private static func specificity(of compound: Compound) -> (Int, Int, Int) {
        var ids = compound.id == nil ? 0 : 1
        var classes = compound.classes.count + compound.attributes.count
        var types = compound.tag == nil ? 0 : 1
        for pseudo in compound.pseudoClasses {
            switch pseudo {
            case .not(let list), .matchesAny(let list, countsSpecificity: true):
                // The most specific argument counts (Selectors 4 §17).
                let best = list.map(\.specificity).max() ?? 0
                ids += best / 1_000_000; classes += best / 1_000 % 1_000; types += best % 1_000
            case .matchesAny(_, countsSpecificity: false):
                break
            default:
                classes += 1
            }
        }
        return (ids, classes, types)
    }

    /// Whether the element at `element` matches (ignoring any pseudo-element).
    func matches(_ element: Int, in document: Document) -> Bool {
        guard Self.compound(parts[0].compound, matches: element, in: document) else { return false }
        guard parts.count > 1 else { return true }
        var failed = Set<Int>()
        return matchRest(from: 1, element: element, in: document, failed: &failed)
    }

    /// Matches `parts[index...]` against the ancestors or earlier siblings of `element`, backtracking
    /// over descendant and subsequent-sibling combinators; `failed` remembers (part, element) pairs
    /// already ruled out, which keeps selectors like `div div div div` on deep trees polynomial.
    private func matchRest(from index: Int, element: Int, in document: Document, failed: inout Set<Int>) -> Bool {
        guard index < parts.count else { return true }
        let key = element &* 64 &+ index
        if failed.contains(key) { return false }
        let combinator = parts[index - 1].combinator
        var candidate = next(from: element, combinator, in: document)
        while let current = candidate {
            if Self.compound(parts[index].compound, matches: current, in: document),
               matchRest(from: index + 1, element: current, in: document, failed: &failed) {
                return true
            }
            if combinator == .child || combinator == .nextSibling { break }
            candidate = next(from: current, combinator, in: document)
        }
        failed.insert(key)
        return false
    }

    /// The next element to try for a combinator: the parent or the previous element sibling.
    private func next(from element: Int, _ combinator: Combinator, in document: Document) -> Int? {
        switch combinator {
        case .descendant, .child:
            let parent = document.nodes[element].parent
            return parent > 0 ? parent : nil
        case .nextSibling, .subsequentSibling:
            return document.previousElementSibling(of: element)
        }
    }

    private static func compound(_ compound: Compound, matches element: Int, in document: Document) -> Bool {
        let node = document.nodes[element]
        guard let tag = node.tagName else { return false }
        if let wanted = compound.tag, wanted != tag { return false }
        if let id = compound.id, node.id != id { return false }
        for name in compound.classes where !node.classes.contains(name) { return false }
        for test in compound.attributes where !test.matches(node.attribute(test.name)) { return false }
        for pseudo in compound.pseudoClasses where !pseudo.matches(element, in: document) { return false }
        return true
    }
}

extension Selector.AttributeTest {
    func matches(_ actual: String?) -> Bool {
        guard var actual else { return false }
        var value = self.value
        if caseInsensitive { actual = actual.lowercased(); value = value.lowercased() }
        switch op {
        case .exists: return true
        case .equals: return actual == value
        case .includes: return !value.isEmpty && actual.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).contains { $0 == value }
        case .dashMatch: return actual == value || actual.hasPrefix(value + "-")
        case .prefix: return !value.isEmpty && actual.hasPrefix(value)
        case .suffix: return !value.isEmpty && actual.hasSuffix(value)
        case .substring: return !value.isEmpty && actual.contains(value)
        }
    }
}

extension Selector.PseudoClass {
    func matches(_ element: Int, in document: Document) -> Bool {
        switch self {
        case .root:
            return document.nodes[element].parent == 0
        case .empty:
            return document.nodes[element].children.allSatisfy { child in
                if case .text(let text) = document.nodes[child].kind { return text.isEmpty }
                return false
            }
        case .onlyChild(let ofType):
            return document.elementPosition(of: element, fromEnd: false, ofType: ofType) == 1
                && document.elementPosition(of: element, fromEnd: true, ofType: ofType) == 1
        case .nth(let a, let b, let fromEnd, let ofType):
            let position = document.elementPosition(of: element, fromEnd: fromEnd, ofType: ofType)
            // position = a·n + b for some n ≥ 0.
            if a == 0 { return position == b }
            let offset = position - b
            return offset % a == 0 && offset / a >= 0
        case .not(let list):
            return !list.contains { $0.pseudoElement == nil && $0.matches(element, in: document) }
        case .matchesAny(let list, _):
            return list.contains { $0.pseudoElement == nil && $0.matches(element, in: document) }
        }
    }
}

extension Document {
    /// The element sibling just before `element`, if any.
    func previousElementSibling(of element: Int) -> Int? {
        let siblings = nodes[nodes[element].parent].children
        guard var index = siblings.firstIndex(of: element) else { return nil }
        while index > 0 {
            index -= 1
            if nodes[siblings[index]].tagName != nil { return siblings[index] }
        }
        return nil
    }

    /// The 1-based position of `element` among its element siblings (or those with its tag name).
    func elementPosition(of element: Int, fromEnd: Bool, ofType: Bool) -> Int {
        let parent = nodes[element].parent
        guard parent >= 0 else { return 1 }
        let tag = nodes[element].tagName
        var siblings = nodes[parent].children.filter { nodes[$0].tagName != nil && (!ofType || nodes[$0].tagName == tag) }
        if fromEnd { siblings.reverse() }
        return (siblings.firstIndex(of: element) ?? 0) + 1
    }
}
