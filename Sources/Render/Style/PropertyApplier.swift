/// Applies one declaration to a computed style: var() substitution, CSS-wide keywords, value parsing.
/// Values the engine does not understand leave the style unchanged and add a warning.
struct PropertyApplier {
    var parent: ComputedStyle
    var viewportWidth: Double
    var viewportHeight: Double
    var rootFontSize: Double
    var warnings = Warnings()
    /// `@property` registrations: the initial value and inheritance of custom properties.
    var registrations: [String: RegisteredProperty] = [:]

    /// Properties whose value others depend on (`em`, `currentColor`); they are applied first.
    static let early: Set<String> = ["font-size", "font", "color"]

    /// Recognized but deliberately ignored: they do not change a static image's pixels.
    static let ignored: Set<String> = [
        "-webkit-box-orient", "cursor", "transition", "animation", "pointer-events", "user-select",
        "-webkit-font-smoothing", "-moz-osx-font-smoothing", "text-rendering", "font-display",
        "text-size-adjust", "-webkit-text-size-adjust",
        "will-change", "outline",
    ]

    mutating func apply(_ declaration: Declaration, to style: inout ComputedStyle) {
        let name = declaration.name
        let traits = declaration.traits
        if traits.isCustom {
            // CSS-wide keywords are not values of a custom property (CSS Variables 1 §2); `initial` is the
            // guaranteed-invalid value unless `@property` gives one, so `var()` falls back.
            let registration = registrations.isEmpty ? nil : registrations[name]
            let initial = registration?.initialValue
            switch declaration.cssWideKeyword {
            case .initial?: style.customProperties[name] = initial
            case .inherit?: style.customProperties[name] = parent.customProperties[name]
            case .unset?, .revert?, .revertLayer?:
                style.customProperties[name] = registration?.inherits ?? true ? parent.customProperties[name] : initial
            case nil: style.customProperties[name] = declaration.value
            }
            return
        }
        if let physical = traits.logical {
            applyLogical(declaration, as: physical, to: &style)
            return
        }
        // A value without `var()` is the same for every element: its keyword test and components were
        // worked out when the declaration was made.
        let value: String
        let wideKeyword: CSSWideKeyword?
        if declaration.mentionsVar {
            guard let substituted = VariableSubstitution.substitute(declaration.value, properties: style.customProperties) else {
                // Invalid at computed-value time: behaves as `unset`.
                copy(declaration.property, name: name, from: traits.isInherited ? parent : ComputedStyle(), to: &style)
                return
            }
            value = substituted
            wideKeyword = CSSWideKeyword(candidate: Self.wideKeywordCandidate(value))
        } else {
            value = declaration.value
            wideKeyword = declaration.cssWideKeyword
        }
        switch wideKeyword {
        case .inherit?:
            copy(declaration.property, name: name, from: parent, to: &style)
            return
        case .initial?:
            copy(declaration.property, name: name, from: ComputedStyle(), to: &style)
            return
        case .unset?, .revert?, .revertLayer?:
            copy(declaration.property, name: name, from: traits.isInherited ? parent : ComputedStyle(), to: &style)
            return
        case nil:
            break
        }
        if traits.isIgnored { return }
        let components = declaration.mentionsVar ? CSSComponent.parse(value) : declaration.components ?? CSSComponent.parse(value)
        let context = LengthContext(fontSize: style.fontSize, rootFontSize: rootFontSize,
                                    viewportWidth: viewportWidth, viewportHeight: viewportHeight)
        let outcome: Outcome
        if let property = declaration.property {
            outcome = traits.isTextFeature
                ? applyTextFeature(property, components, to: &style.textFeatures, currentColor: style.color, context: context)
                : applyValue(property, components, to: &style, context: context)
        } else if name.hasPrefix("border") {
            // Border spellings `PropertyID` does not list (`border-top-left`…) still go by name.
            outcome = applyBorder(name, items: components.withoutWhitespace, to: &style, context: context)
        } else {
            outcome = .unknownProperty
        }
        switch outcome {
        case .applied:
            break
        case .invalid:
            warnings.add("unsupported value '\(value.trimmed)' for '\(name)'")
        case .unknownProperty:
            warnings.add("unsupported property '\(name)'")
        }
    }

    enum Outcome { case applied, invalid, unknownProperty }

    /// The value trimmed and lowercased when it could be a CSS-wide keyword (`initial`, `inherit`,
    /// `unset`, `revert`, `revert-layer`), else a string that is none of them.
    ///
    /// Most values are not keywords, and trimming and lowercasing every one showed up in styling
    /// profiles, so plain ASCII values are judged on their bytes: outside 5…12 bytes once trimmed, none
    /// can be a keyword. Values with non-ASCII bytes or carriage returns (which `trimmed` treats as
    /// part of a `\r\n` grapheme) take the general path.
    static func wideKeywordCandidate(_ value: String) -> String {
        var start = value.utf8.startIndex
        var end = value.utf8.endIndex
        var bytes = 0
        for byte in value.utf8 {
            if byte >= 0x80 || byte == 0x0D { return value.trimmed.lowercased() }
            bytes += 1
        }
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C }
        while start < end, isSpace(value.utf8[start]) { start = value.utf8.index(after: start); bytes -= 1 }
        while start < end, isSpace(value.utf8[value.utf8.index(before: end)]) { end = value.utf8.index(before: end); bytes -= 1 }
        guard (5...12).contains(bytes) else { return "" }
        return String(decoding: value.utf8[start..<end], as: UTF8.self).lowercased()
    }

    /// Logical properties in a horizontal, left-to-right writing mode (CSS Logical 1 §4): each maps
    /// to its physical start side, then end side; a two-value shorthand gives start and end.
    static let logicalProperties: [String: [String]] = {
        var table: [String: [String]] = [:]
        for base in ["padding", "margin"] {
            table["\(base)-inline"] = ["\(base)-left", "\(base)-right"]
            table["\(base)-block"] = ["\(base)-top", "\(base)-bottom"]
            table["\(base)-inline-start"] = ["\(base)-left"]
            table["\(base)-inline-end"] = ["\(base)-right"]
            table["\(base)-block-start"] = ["\(base)-top"]
            table["\(base)-block-end"] = ["\(base)-bottom"]
        }
        table["inset-inline"] = ["left", "right"]
        table["inset-block"] = ["top", "bottom"]
        table["inset-inline-start"] = ["left"]
        table["inset-inline-end"] = ["right"]
        table["inset-block-start"] = ["top"]
        table["inset-block-end"] = ["bottom"]
        return table
    }()

    private mutating func applyLogical(_ declaration: Declaration, as physical: [String], to style: inout ComputedStyle) {
        var values = [declaration.value]
        if physical.count == 2 {
            let substituted = VariableSubstitution.substitute(declaration.value, properties: style.customProperties) ?? declaration.value
            let parts = CSSParser.splitTopLevel(substituted, separator: " ").map(\.trimmed).filter { !$0.isEmpty }
            values = parts.count == 2 ? parts : [substituted, substituted]
        }
        for (name, value) in zip(physical, values) {
            apply(Declaration(name: name, value: value, important: declaration.important), to: &style)
        }
    }

    /// Whether the engine understands this declaration (`@supports`).
    static func supports(_ declaration: Declaration) -> Bool {
        if declaration.traits.isCustom { return true }
        if declaration.traits.isIgnored { return false }
        var applier = PropertyApplier(parent: ComputedStyle(), viewportWidth: 1200, viewportHeight: 630, rootFontSize: 16)
        var style = ComputedStyle()
        applier.apply(declaration, to: &style)
        return applier.warnings.messages.isEmpty
    }

    static func isInherited(_ name: String) -> Bool {
        name == "color" || name.hasPrefix("font") || name == "line-height" || name == "letter-spacing"
            || name == "text-align" || name == "white-space" || name == "text-transform" || name.hasPrefix("list-style")
    }
}
