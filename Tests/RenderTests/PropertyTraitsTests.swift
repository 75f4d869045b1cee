import Testing
@testable import Render

/// Declarations carry their property's traits and, without `var()`, their parsed value; these must give
/// the answers the cascade used to work out from the name and value on every application.
struct PropertyTraitsTests {
    /// Every name any of the definitions mentions, plus names that fall through all of them.
    static let names: [String] = {
        var names = PropertyApplier.early.union(PropertyApplier.ignored).union(PropertyApplier.textFeatureProperties)
        names.formUnion(PropertyApplier.logicalProperties.keys)
        names.formUnion(["--brand", "--tw-space-x", "display", "font-weight", "font-family", "list-style-type",
                         "margin", "line-height", "white-space", "not-a-property", ""])
        return names.sorted()
    }()

    @Test(arguments: names)
    func traitsMatchTheDefinitions(name: String) {
        let traits = Declaration(name: name, value: "1px", important: false).traits
        #expect(traits.isCustom == name.hasPrefix("--"))
        #expect(traits.isEarly == PropertyApplier.early.contains(name))
        #expect(traits.isIgnored == PropertyApplier.ignored.contains(name))
        #expect(traits.isTextFeature == PropertyApplier.textFeatureProperties.contains(name))
        #expect(traits.isInherited == PropertyApplier.isInherited(name))
        #expect(traits.logical == PropertyApplier.logicalProperties[name])
    }

    @Test(arguments: ["10px solid red", "  inherit ", "var(--a)", "calc(1px + VAR(--b))", "UNSET", ""])
    func valueIsParsedOnceUnlessItMentionsVar(value: String) {
        let declaration = Declaration(name: "border", value: value, important: true)
        #expect(declaration.mentionsVar == VariableSubstitution.mentionsVar(value))
        #expect(declaration.wideKeyword == PropertyApplier.wideKeywordCandidate(value))
        if declaration.mentionsVar {
            #expect(declaration.components == nil)
        } else {
            #expect(declaration.components == CSSComponent.parse(value))
        }
    }

    @Test func customPropertyValuesAreNotParsed() {
        #expect(Declaration(name: "--gap", value: "4px", important: false).components == nil)
    }

    @Test func equalityIgnoresDerivedMembers() {
        let a = Declaration(name: "color", value: "red", important: false)
        #expect(a == Declaration(name: "color", value: "red", important: false))
        #expect(a != Declaration(name: "color", value: "red", important: true))
    }
}
