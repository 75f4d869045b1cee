/// The cascade (CSS Cascade 4 §6): matches the user-agent and author rules against every element,
/// orders declarations by importance, origin, inline-ness, specificity and source order, applies
/// them over the inherited values, and returns one computed style per element.
struct StyleResolver {
    let document: Document
    let viewportWidth: Double
    let viewportHeight: Double
    private(set) var warnings = Warnings()
    /// The document's `@font-face` rules, for the text engine.
    private(set) var fontFaces: [FontFaceRule] = []
    private var authorSheet = StyleSheet()
    private var authorIndex = RuleIndex(StyleSheet())
    private static let userAgentIndex = RuleIndex(UserAgentStyleSheet.sheet)
    private static let preflightIndex = RuleIndex(TailwindPreflight.sheet)

    init(document: Document, viewportWidth: Double, viewportHeight: Double) {
        self.document = document
        self.viewportWidth = viewportWidth
        self.viewportHeight = viewportHeight
        // One sheet for all `<style>` elements, so layer order is shared across them.
        let text = document.styleSheets.joined(separator: "\n")
        let parsed = ParsedStyleSheets.entry(for: text, width: viewportWidth, height: viewportHeight) {
            var parser = CSSParser(text)
            let sheet = parser.parseStyleSheet(viewport: MediaQuery.Viewport(width: viewportWidth, height: viewportHeight))
            return ParsedStyleSheets.Entry(sheet: sheet, warnings: parser.warnings, fontFaces: parser.fontFaces)
        }
        authorSheet = parsed.sheet
        authorIndex = RuleIndex(parsed.sheet)
        warnings.merge(parsed.warnings)
        fontFaces = parsed.fontFaces
        generateUtilities()
    }

    /// Rules generated for each element's Tailwind classes, by element index. When there are any, every
    /// element also gets Tailwind's preflight, in layer 0, between the user-agent and author rules.
    private var utilityRules: [Int: [StyleRule]] = [:]

    /// Resolves class names no author selector mentions through `TailwindResolver`.
    private mutating func generateUtilities() {
        var authorClasses = Set<String>()
        for rule in authorSheet.rules {
            for selector in rule.selectors {
                for part in selector.parts { authorClasses.formUnion(part.compound.classes) }
            }
        }
        let tailwind = TailwindResolver(viewportWidth: viewportWidth)
        var spacingParents: [Int: [(property: String, value: String)]] = [:]
        for index in document.nodes.indices where !document.nodes[index].classes.isEmpty {
            var generated: [(order: Int, rule: StyleRule)] = []
            for name in document.nodes[index].classes where !authorClasses.contains(name) {
                guard let utility = ResolvedUtilities.utility(for: name, resolver: tailwind) else { continue }
                let selector = Selector(parts: [.init(compound: .init(classes: [name]), combinator: .descendant)], pseudoElement: nil)
                generated.append((utility.order, StyleRule(selectors: [selector], declarations: utility.declarations, layer: 1)))
                for declaration in utility.declarations where declaration.name.hasPrefix("--tw-space-") {
                    let property = declaration.name.hasSuffix("y") ? "margin-bottom" : "margin-right"
                    spacingParents[index, default: []].append((property, declaration.value))
                }
            }
            if !generated.isEmpty {
                utilityRules[index] = generated.sorted { $0.order < $1.order }.map(\.rule)
            }
        }
        // `space-x-*` / `space-y-*` put a margin after every child but the last (Tailwind v4).
        for (parent, margins) in spacingParents {
            let children = document.nodes[parent].children.filter { document.nodes[$0].tagName != nil }
            for child in children.dropLast() {
                let declarations = margins.map { Declaration(name: $0.property, value: $0.value, important: false) }
                let selector = Selector(parts: [.init(compound: .init(), combinator: .descendant)], pseudoElement: nil)
                utilityRules[child, default: []].append(StyleRule(selectors: [selector], declarations: declarations, layer: 1))
            }
        }
    }

    /// The rules of each sheet that may match one element (see `RuleIndex`).
    private struct Candidates {
        var userAgent: [Int]
        var preflight: [Int]
        var author: [Int]
    }

    private func candidates(for element: Int) -> Candidates {
        let node = document.nodes[element]
        return Candidates(userAgent: Self.userAgentIndex.candidates(for: node),
                          preflight: utilityRules.isEmpty ? [] : Self.preflightIndex.candidates(for: node),
                          author: authorIndex.candidates(for: node))
    }

    /// A declaration with the sort key that decides which one wins.
    private struct Matched {
        var declaration: Declaration
        var important: Bool
        var origin: Int
        var inline: Bool
        var specificity: Int
        var layer: Int
        var order: Int
    }

    /// The matched-declaration list of the last `compute`, emptied but keeping its storage, so each
    /// element's list does not regrow from nothing.
    private var matchedScratch: [Matched] = []

    /// Styles of the `::before` and `::after` boxes that have `content`, by element index; filled by `resolve()`.
    private(set) var generatedContent = GeneratedContentStyles()

    /// Computed styles indexed like `document.nodes`; nil for non-element nodes.
    mutating func resolve() -> [ComputedStyle?] {
        var styles = [ComputedStyle?](repeating: nil, count: document.nodes.count)
        var rootFontSize = 16.0
        // Pseudo-element styles cost a cascade each, so they are computed only when some rule targets one.
        let hasPseudoRules = authorSheet.rules.contains { $0.selectors.contains { $0.pseudoElement != nil } }
        for index in document.nodes.indices {
            let node = document.nodes[index]
            guard node.tagName != nil else { continue }
            let parentStyle = node.parent > 0 ? styles[node.parent] ?? ComputedStyle() : ComputedStyle()
            let candidates = candidates(for: index)
            let style = compute(index, candidates: candidates, parent: parentStyle, rootFontSize: rootFontSize)
            if node.parent == 0 { rootFontSize = style.fontSize }
            styles[index] = style
            guard hasPseudoRules, style.display != .none else { continue }
            for pseudo in ["before", "after"] {
                let generated = compute(index, pseudoElement: pseudo, candidates: candidates, parent: style,
                                        rootFontSize: rootFontSize)
                guard generated.content != nil, generated.display != .none else { continue }
                if pseudo == "before" { generatedContent.before[index] = generated } else { generatedContent.after[index] = generated }
            }
        }
        return styles
    }

    /// The cascaded style of `element`, or of its `::before`/`::after` box when `pseudoElement` is set.
    private mutating func compute(_ element: Int, pseudoElement: String? = nil, candidates: Candidates,
                                  parent: ComputedStyle, rootFontSize: Double) -> ComputedStyle {
        var matched = matchedScratch
        matchedScratch = []
        // Adds the declarations of `rule` if one of its selectors matches, with the rule's source order.
        func add(_ rule: StyleRule, layer: Int, origin: Int, order: Int) {
            var specificity: Int?
            for selector in rule.selectors where selector.pseudoElement == pseudoElement && selector.matches(element, in: document) {
                specificity = max(specificity ?? selector.specificity, selector.specificity)
            }
            guard let specificity else { return }
            for (offset, declaration) in rule.declarations.enumerated() {
                matched.append(Matched(declaration: declaration, important: declaration.important, origin: origin,
                                       inline: false, specificity: specificity, layer: layer, order: order + offset))
            }
        }
        let userAgent = UserAgentStyleSheet.sheet
        for index in candidates.userAgent {
            add(userAgent.rules[index], layer: userAgent.rules[index].layer, origin: 0,
                order: Self.userAgentIndex.declarationStart[index])
        }
        var order = Self.userAgentIndex.declarationCount
        if !utilityRules.isEmpty {
            let preflight = TailwindPreflight.sheet
            for index in candidates.preflight {
                add(preflight.rules[index], layer: 0, origin: 1, order: order + Self.preflightIndex.declarationStart[index])
            }
            order += Self.preflightIndex.declarationCount
            for rule in utilityRules[element] ?? [] {
                add(rule, layer: rule.layer, origin: 1, order: order)
                order += rule.declarations.count
            }
        }
        for index in candidates.author {
            add(authorSheet.rules[index], layer: authorSheet.rules[index].layer, origin: 2,
                order: order + authorIndex.declarationStart[index])
        }
        order += authorIndex.declarationCount
        if pseudoElement == nil, let inline = document.nodes[element].attribute("style") {
            for declaration in ParsedInlineStyles.declarations(in: inline) {
                matched.append(Matched(declaration: declaration, important: declaration.important, origin: 2,
                                       inline: true, specificity: 0, layer: StyleRule.unlayered, order: order))
                order += 1
            }
        }
        matched.sort { a, b in
            if a.important != b.important { return !a.important }
            if a.origin != b.origin { return a.origin < b.origin }
            if a.inline != b.inline { return !a.inline }
            // Later layers win for normal declarations, earlier ones for important ones.
            if a.layer != b.layer { return a.important ? a.layer > b.layer : a.layer < b.layer }
            if a.specificity != b.specificity { return a.specificity < b.specificity }
            return a.order < b.order
        }
        var style = ComputedStyle.inheriting(from: parent)
        // Registered custom properties start at their initial value on the root, and on every
        // element when they do not inherit (CSS Properties and Values API 1 §2.1).
        for (name, registration) in authorSheet.registeredProperties where !registration.inherits || parent.customProperties[name] == nil {
            style.customProperties[name] = registration.initialValue
        }
        // The `dir` attribute sets the element's base direction (HTML §3.2.6.4); pseudo-elements inherit it.
        switch pseudoElement == nil ? document.nodes[element].attribute("dir")?.lowercased() : nil {
        case "rtl": style.textFeatures.direction = .rtl
        case "ltr": style.textFeatures.direction = .ltr
        case "auto": style.textFeatures.direction = .auto
        default: break
        }
        var applier = PropertyApplier(parent: parent, viewportWidth: viewportWidth, viewportHeight: viewportHeight,
                                      rootFontSize: rootFontSize)
        applier.registrations = authorSheet.registeredProperties
        // Custom properties first (other values refer to them), then the properties units depend on.
        for entry in matched where entry.declaration.traits.isCustom { applier.apply(entry.declaration, to: &style) }
        for entry in matched where entry.declaration.traits.isEarly { applier.apply(entry.declaration, to: &style) }
        for entry in matched where !entry.declaration.traits.isCustom && !entry.declaration.traits.isEarly {
            applier.apply(entry.declaration, to: &style)
        }
        warnings.merge(applier.warnings)
        matched.removeAll(keepingCapacity: true)
        matchedScratch = matched
        GridStyle.flexEquivalent(of: &style)
        style.resolveBaselineShift(parent: parent)
        return style
    }
}
