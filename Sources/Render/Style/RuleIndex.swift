/// The rules of one style sheet grouped by what the subject compound of each selector requires, so
/// the cascade tests an element only against rules that can match it.
///
/// A selector is filed under its subject's id if it names one, else its first class, else its tag,
/// else with the universal rules: an element can match it only if it carries that key. A rule with
/// several selectors is filed under each. Candidates come back in source order, each rule once, and
/// are then matched in full, so the index changes which rules are tried, never the result.
struct RuleIndex: Sendable {
    private var byID: [String: [Int]] = [:]
    private var byClass: [String: [Int]] = [:]
    private var byTag: [String: [Int]] = [:]
    private var universal: [Int] = []
    /// Declarations before each rule in the sheet: a matched declaration's source order is this plus its
    /// place in the rule, exactly as if every rule had been walked.
    private(set) var declarationStart: [Int] = []
    /// Declarations in the whole sheet.
    private(set) var declarationCount = 0

    init(_ sheet: StyleSheet) {
        declarationStart.reserveCapacity(sheet.rules.count)
        for (index, rule) in sheet.rules.enumerated() {
            declarationStart.append(declarationCount)
            declarationCount += rule.declarations.count
            for selector in rule.selectors {
                guard let subject = selector.parts.first?.compound else {
                    universal.append(index)
                    continue
                }
                if let id = subject.id {
                    byID[id, default: []].append(index)
                } else if let name = subject.classes.first {
                    byClass[name, default: []].append(index)
                } else if let tag = subject.tag {
                    byTag[tag, default: []].append(index)
                } else {
                    universal.append(index)
                }
            }
        }
    }

    /// Indices of the rules that may match `node`, ascending and without repeats.
    func candidates(for node: Document.Node) -> [Int] {
        var found = universal
        if let tag = node.tagName, let rules = byTag[tag] { found += rules }
        if !byID.isEmpty, let id = node.id, let rules = byID[id] { found += rules }
        if !byClass.isEmpty {
            for name in node.classes {
                if let rules = byClass[name] { found += rules }
            }
        }
        found.sort()
        // Drop repeats (a rule filed under two keys the element has, or a class written twice).
        var kept = 0
        for index in found.indices where kept == 0 || found[index] != found[kept - 1] {
            found[kept] = found[index]
            kept += 1
        }
        found.removeLast(found.count - kept)
        return found
    }
}
