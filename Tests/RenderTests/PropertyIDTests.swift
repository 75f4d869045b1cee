import Testing
@testable import Render

/// Declarations carry their property as a `PropertyID`, and the applier dispatches on it; names it does
/// not list must still behave as they did when dispatch went by the name.
struct PropertyIDTests {
    @Test(arguments: PropertyID.allCases)
    func nameMapsToItsIdentifierAndBack(property: PropertyID) {
        #expect(PropertyID(rawValue: property.name) == property)
        #expect(Declaration(name: property.name, value: "1px", important: false).property == property)
        #expect(property.isBorder == property.name.hasPrefix("border"))
    }

    /// Every listed property reaches a parser: a nonsense value is reported as an invalid value, never
    /// as an unknown property.
    @Test(arguments: PropertyID.allCases)
    func everyListedPropertyIsUnderstood(property: PropertyID) {
        var applier = PropertyApplier(parent: ComputedStyle(), viewportWidth: 1200, viewportHeight: 630, rootFontSize: 16)
        var style = ComputedStyle()
        applier.apply(Declaration(name: property.name, value: "%%", important: false), to: &style)
        #expect(!applier.warnings.messages.contains { $0.hasPrefix("unsupported property") })
    }

    @Test(arguments: ["--brand", "not-a-property", "", "Display", "cursor"])
    func otherNamesHaveNoIdentifier(name: String) {
        #expect(Declaration(name: name, value: "1px", important: false).property == nil)
    }

    @Test func unknownNamesStillWarn() {
        var applier = PropertyApplier(parent: ComputedStyle(), viewportWidth: 1200, viewportHeight: 630, rootFontSize: 16)
        var style = ComputedStyle()
        applier.apply(Declaration(name: "not-a-property", value: "1px", important: false), to: &style)
        #expect(applier.warnings.messages == ["unsupported property 'not-a-property'"])
    }

    /// `borderTarget(of:)` accepts spellings beyond the listed twenty, which keep going by name.
    @Test func unlistedBorderSpellingsStillApplyAndInherit() {
        #expect(PropertyID(rawValue: "border-left-top") == nil)
        var applier = PropertyApplier(parent: ComputedStyle(), viewportWidth: 1200, viewportHeight: 630, rootFontSize: 16)
        var style = ComputedStyle()
        applier.apply(Declaration(name: "border-left-top", value: "4px solid red", important: false), to: &style)
        #expect(applier.warnings.messages.isEmpty)
        #expect(style.borderWidth.top == 4)
        #expect(style.borderWidth.left == 3)

        var parent = ComputedStyle()
        parent.borderWidth.top = 7
        var child = PropertyApplier(parent: parent, viewportWidth: 1200, viewportHeight: 630, rootFontSize: 16)
        child.apply(Declaration(name: "border-left-top", value: "inherit", important: false), to: &style)
        #expect(style.borderWidth.top == 7)
    }

    @Test(arguments: ["inherit", "  INITIAL ", "unset", "revert", "revert-layer", "red", "", "inherits", "var(--x)"])
    func wideKeywordIsLookedUpOnce(value: String) {
        let declaration = Declaration(name: "color", value: value, important: false)
        let expected: CSSWideKeyword? = switch declaration.wideKeyword {
        case "initial": .initial
        case "inherit": .inherit
        case "unset": .unset
        case "revert": .revert
        case "revert-layer": .revertLayer
        default: nil
        }
        #expect(declaration.cssWideKeyword == expected)
    }
}
