/// A complex selector made of compound selectors joined by descendant or child combinators.
///
/// Supported: type, `*`, `.class`, `#id`, `:root`, compounds of these, descendant (` `) and child (`>`).
/// Anything else (attribute selectors, pseudo-classes, siblings) makes the parse fail, so the caller
/// drops the selector with a warning instead of matching too much.
struct Selector: Sendable, Equatable {
    struct Compound: Sendable, Equatable {
        var tag: String?
        var id: String?
        var classes: [String] = []
        var root = false
    }
    enum Combinator: Sendable, Equatable { case descendant, child }

    /// Compounds from right (the subject) to left, each with the combinator to its left neighbour.
    var parts: [(compound: Compound, combinator: Combinator)]
    /// Specificity (a, b, c) packed as a·10⁶ + b·10³ + c so it compares as one integer.
    var specificity: Int

    static func == (lhs: Selector, rhs: Selector) -> Bool {
        lhs.specificity == rhs.specificity && lhs.parts.elementsEqual(rhs.parts) { $0.compound == $1.compound && $0.combinator == $1.combinator }
    }

    init?(parsing text: String) {
        var compounds: [Compound] = []
        var combinators: [Combinator] = []
        var current: Compound?
        var pendingCombinator: Combinator?
        let characters = Array(text.trimmed)
        guard !characters.isEmpty else { return nil }
        var index = 0

        func readName() -> String? {
            let start = index
            while index < characters.count, Self.isNameCharacter(characters[index]) { index += 1 }
            return index > start ? String(characters[start..<index]) : nil
        }

        while index < characters.count {
            let character = characters[index]
            if character == " " || character == "\t" || character == "\n" || character == ">" {
                if character == ">" { pendingCombinator = .child } else if pendingCombinator == nil { pendingCombinator = .descendant }
                if let compound = current {
                    compounds.append(compound)
                    current = nil
                } else if character == ">", compounds.isEmpty {
                    return nil
                }
                index += 1
                continue
            }
            if current == nil {
                if !compounds.isEmpty {
                    guard let combinator = pendingCombinator else { return nil }
                    combinators.append(combinator)
                }
                pendingCombinator = nil
                current = Compound()
            }
            switch character {
            case "*":
                index += 1
            case ".":
                index += 1
                guard let name = readName() else { return nil }
                current!.classes.append(name)
            case "#":
                index += 1
                guard let name = readName() else { return nil }
                current!.id = name
            case ":":
                index += 1
                guard readName()?.lowercased() == "root" else { return nil }
                current!.root = true
            default:
                guard current!.tag == nil, let name = readName() else { return nil }
                current!.tag = name.lowercased()
            }
        }
        guard let last = current, compounds.count < 63 else { return nil }
        compounds.append(last)
        var parts: [(Compound, Combinator)] = []
        for (offset, compound) in compounds.enumerated().reversed() {
            parts.append((compound, offset > 0 ? combinators[offset - 1] : .descendant))
        }
        self.parts = parts
        var ids = 0, classes = 0, types = 0
        for compound in compounds {
            if compound.id != nil { ids += 1 }
            classes += compound.classes.count + (compound.root ? 1 : 0)
            if compound.tag != nil { types += 1 }
        }
        specificity = min(ids, 999) * 1_000_000 + min(classes, 999) * 1_000 + min(types, 999)
    }

    /// Whether the element at `element` matches.
    func matches(_ element: Int, in document: Document) -> Bool {
        guard Self.compound(parts[0].compound, matches: element, in: document) else { return false }
        guard parts.count > 1 else { return true }
        var failed = Set<Int>()
        return matchRest(from: 1, element: element, in: document, failed: &failed)
    }

    /// Matches `parts[index...]` against the ancestors of `element`, backtracking over descendant
    /// combinators; `failed` remembers (part, element) pairs already ruled out, which keeps
    /// selectors like `div div div div` on deep trees polynomial.
    private func matchRest(from index: Int, element: Int, in document: Document, failed: inout Set<Int>) -> Bool {
        guard index < parts.count else { return true }
        let key = element &* 64 &+ index
        if failed.contains(key) { return false }
        let combinator = parts[index - 1].combinator
        var ancestor = document.nodes[element].parent
        while ancestor > 0 {
            if Self.compound(parts[index].compound, matches: ancestor, in: document),
               matchRest(from: index + 1, element: ancestor, in: document, failed: &failed) {
                return true
            }
            if combinator == .child { break }
            ancestor = document.nodes[ancestor].parent
        }
        failed.insert(key)
        return false
    }

    private static func compound(_ compound: Compound, matches element: Int, in document: Document) -> Bool {
        let node = document.nodes[element]
        guard let tag = node.tagName else { return false }
        if let wanted = compound.tag, wanted != tag { return false }
        if let id = compound.id, node.id != id { return false }
        if compound.root, node.parent != 0 { return false }
        for name in compound.classes where !node.classes.contains(name) { return false }
        return true
    }

    private static func isNameCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "-" || character == "_" || !character.isASCII
    }
}
