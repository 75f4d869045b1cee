/// Recursive-descent parser for `Selector` over the selector's characters.
struct SelectorParser {
    private let characters: [Character]
    private var index = 0
    /// Nesting of `:not()` / `:is()`, bounded so hostile input cannot recurse without limit.
    private let depth: Int

    init(_ characters: [Character], depth: Int = 0) {
        self.characters = characters
        self.depth = depth
    }

    var atEnd: Bool { index >= characters.count }

    /// A comma-separated list; nil when any member fails (a forgiving list would hide typos).
    mutating func parseList() -> [Selector]? {
        var list: [Selector] = []
        repeat {
            skipWhitespace()
            guard let selector = parseComplex() else { return nil }
            list.append(selector)
            skipWhitespace()
        } while consume(",")
        return list
    }

    /// One complex selector, up to a `,` or `)` or the end.
    mutating func parseComplex() -> Selector? {
        var compounds: [Selector.Compound] = []
        var combinators: [Selector.Combinator] = []
        var pseudoElement: String?
        skipWhitespace()
        while true {
            guard pseudoElement == nil, let compound = parseCompound(pseudoElement: &pseudoElement) else { return nil }
            compounds.append(compound)
            let hadSpace = skipWhitespace()
            guard let character = peek, character != ",", character != ")" else { break }
            switch character {
            case ">": combinators.append(.child); index += 1
            case "+": combinators.append(.nextSibling); index += 1
            case "~": combinators.append(.subsequentSibling); index += 1
            default:
                guard hadSpace else { return nil }
                combinators.append(.descendant)
            }
            skipWhitespace()
        }
        guard compounds.count < 63 else { return nil }
        var parts: [Selector.Part] = []
        for (offset, compound) in compounds.enumerated().reversed() {
            parts.append(Selector.Part(compound: compound, combinator: offset > 0 ? combinators[offset - 1] : .descendant))
        }
        return Selector(parts: parts, pseudoElement: pseudoElement)
    }

    private mutating func parseCompound(pseudoElement: inout String?) -> Selector.Compound? {
        var compound = Selector.Compound()
        var empty = true
        if peek == "*" {
            index += 1
            empty = false
        } else if let character = peek, Self.startsName(character) {
            compound.tag = readName()?.lowercased()
            empty = false
        }
        loop: while let character = peek {
            switch character {
            case ".":
                index += 1
                guard let name = readName() else { return nil }
                compound.classes.append(name)
            case "#":
                index += 1
                guard let name = readName() else { return nil }
                compound.id = name
            case "[":
                index += 1
                guard let test = parseAttribute() else { return nil }
                compound.attributes.append(test)
            case ":":
                index += 1
                if consume(":") {
                    guard let name = readName()?.lowercased(), name == "before" || name == "after" else { return nil }
                    pseudoElement = name
                } else {
                    guard let pseudo = parsePseudoClass() else { return nil }
                    compound.pseudoClasses.append(pseudo)
                }
            default:
                break loop
            }
            empty = false
        }
        return empty ? nil : compound
    }

    private mutating func parseAttribute() -> Selector.AttributeTest? {
        skipWhitespace()
        guard let name = readName()?.lowercased() else { return nil }
        skipWhitespace()
        var test = Selector.AttributeTest(name: name, op: .exists, value: "", caseInsensitive: false)
        if consume("]") { return test }
        let operators: [(String, Selector.AttributeTest.Operator)] = [
            ("=", .equals), ("~=", .includes), ("|=", .dashMatch), ("^=", .prefix), ("$=", .suffix), ("*=", .substring),
        ]
        guard let (text, op) = operators.first(where: { lookingAt($0.0) }) else { return nil }
        index += text.count
        test.op = op
        skipWhitespace()
        if let quote = peek, quote == "\"" || quote == "'" {
            index += 1
            var value = ""
            while let character = peek, character != quote {
                if character == "\\" { index += 1 }
                if let next = peek { value.append(next) }
                index += 1
            }
            guard consume(quote) else { return nil }
            test.value = value
        } else {
            guard let value = readName() else { return nil }
            test.value = value
        }
        skipWhitespace()
        if let flag = peek, flag == "i" || flag == "I" || flag == "s" || flag == "S" {
            test.caseInsensitive = flag == "i" || flag == "I"
            index += 1
            skipWhitespace()
        }
        return consume("]") ? test : nil
    }

    private mutating func parsePseudoClass() -> Selector.PseudoClass? {
        guard let name = readName()?.lowercased() else { return nil }
        switch name {
        case "root": return .root
        case "empty": return .empty
        case "first-child": return .nth(a: 0, b: 1, fromEnd: false, ofType: false)
        case "last-child": return .nth(a: 0, b: 1, fromEnd: true, ofType: false)
        case "first-of-type": return .nth(a: 0, b: 1, fromEnd: false, ofType: true)
        case "last-of-type": return .nth(a: 0, b: 1, fromEnd: true, ofType: true)
        case "only-child": return .onlyChild(ofType: false)
        case "only-of-type": return .onlyChild(ofType: true)
        default: break
        }
        guard consume("(") else { return nil }
        let pseudo: Selector.PseudoClass?
        switch name {
        case "nth-child", "nth-last-child", "nth-of-type", "nth-last-of-type":
            guard let close = characters[index...].firstIndex(of: ")"),
                  let (a, b) = Self.parseNth(String(characters[index..<close])) else { return nil }
            index = close
            pseudo = .nth(a: a, b: b, fromEnd: name.contains("last"), ofType: name.hasSuffix("of-type"))
        case "not", "is", "where", "matches":
            guard depth < 8 else { return nil }
            var inner = SelectorParser(characters, depth: depth + 1)
            inner.index = index
            guard let list = inner.parseList() else { return nil }
            index = inner.index
            pseudo = name == "not" ? .not(list) : .matchesAny(list, countsSpecificity: name != "where")
        default:
            return nil
        }
        skipWhitespace()
        return consume(")") ? pseudo : nil
    }

    /// Parses `an+b` (CSS Syntax 3 §6): `odd`, `even`, `3`, `2n+1`, `-n+3`, `n`.
    static func parseNth(_ text: String) -> (Int, Int)? {
        let compact = text.lowercased().filter { $0 != " " && $0 != "\t" && $0 != "\n" }
        if compact == "odd" { return (2, 1) }
        if compact == "even" { return (2, 0) }
        guard let n = compact.firstIndex(of: "n") else { return Int(compact).map { (0, $0) } }
        let aText = String(compact[..<n])
        let a: Int
        switch aText {
        case "", "+": a = 1
        case "-": a = -1
        default:
            guard let value = Int(aText) else { return nil }
            a = value
        }
        let rest = String(compact[compact.index(after: n)...])
        if rest.isEmpty { return (a, 0) }
        guard rest.first == "+" || rest.first == "-", let b = Int(rest.hasPrefix("+") ? String(rest.dropFirst()) : rest) else { return nil }
        return (a, b)
    }

    // MARK: Scanning

    private var peek: Character? { index < characters.count ? characters[index] : nil }

    private mutating func consume(_ character: Character) -> Bool {
        guard peek == character else { return false }
        index += 1
        return true
    }

    private func lookingAt(_ text: String) -> Bool {
        var position = index
        for character in text {
            guard position < characters.count, characters[position] == character else { return false }
            position += 1
        }
        return true
    }

    @discardableResult
    private mutating func skipWhitespace() -> Bool {
        let start = index
        while let character = peek, character == " " || character == "\t" || character == "\n" || character == "\r" || character == "\u{0C}" {
            index += 1
        }
        return index > start
    }

    private static func startsName(_ character: Character) -> Bool {
        character.isLetter || character == "_" || character == "-" || character == "\\" || !character.isASCII
    }

    /// An identifier with CSS escapes resolved (CSS Syntax 3 §4.3.7): `\[` is `[`, `\31 ` is `1`.
    private mutating func readName() -> String? {
        var name = ""
        while let character = peek {
            if character == "\\" {
                index += 1
                guard let escaped = peek else { break }
                if escaped.isHexDigit {
                    var hex = ""
                    while let digit = peek, digit.isHexDigit, hex.count < 6 {
                        hex.append(digit)
                        index += 1
                    }
                    if let space = peek, space == " " || space == "\t" || space == "\n" { index += 1 }
                    let scalar = UInt32(hex, radix: 16).flatMap(Unicode.Scalar.init) ?? "\u{FFFD}"
                    name.unicodeScalars.append(scalar == "\0" ? "\u{FFFD}" : scalar)
                } else {
                    name.append(escaped)
                    index += 1
                }
            } else if character.isLetter || character.isNumber || character == "-" || character == "_" || !character.isASCII {
                name.append(character)
                index += 1
            } else {
                break
            }
        }
        return name.isEmpty ? nil : name
    }
}
