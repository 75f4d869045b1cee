import Testing
@testable import Render

/// Generic families resolve as Chromium on Linux resolves them through fontconfig.
struct TextGenericFamilyTests {
    private func family(_ families: [String], engine: TextEngine) -> String {
        engine.catalogue.faces[engine.catalogue.primaryFont(for: FontSpec(families: families, size: 16, weight: 400, italic: false)).faceIndex].family
    }

    @Test func genericsFollowFontconfig() throws {
        let engine = try TextTestSupport.engine()
        #expect(family(["sans-serif"], engine: engine) == "Noto Sans")
        #expect(family(["serif"], engine: engine) == "Noto Serif")
        #expect(family(["monospace"], engine: engine) == "DejaVu Sans Mono")
        #expect(family(["system-ui"], engine: engine) == "Noto Sans")
        #expect(family(["cursive"], engine: engine) == "Noto Sans")
    }

    /// `ui-*` generics exist only on macOS in Chromium; elsewhere the next family in the list applies.
    @Test(arguments: [("ui-monospace", "serif", "Noto Serif"), ("ui-serif", "monospace", "DejaVu Sans Mono"),
                      ("ui-sans-serif", "serif", "Noto Serif")])
    func uiGenericsMatchNothingOnLinux(generic: String, next: String, expected: String) throws {
        #expect(family([generic, next], engine: try TextTestSupport.engine()) == expected)
    }
}

/// The generic table built from a fontconfig answer.
struct TextGenericOrderTests {
    @Test func fontconfigOrderComesFirstAndUnknownFamiliesAreDropped() {
        let families: Set<String> = ["DejaVu Sans", "Noto Sans", "Inter", "DejaVu Serif"]
        let table = FontCatalogue.genericOrder(families: families) { generic in
            generic == "sans-serif" ? ["Liberation Sans", "DejaVu Sans", "Noto Sans"] : []
        }
        #expect(table["sans-serif"]?.prefix(2) == ["DejaVu Sans", "Noto Sans"])
        #expect(table["sans-serif"]?.contains("Liberation Sans") == true)  // From the fixed tail, harmless if absent.
        #expect(table["serif"] == FontCatalogue.defaultGenericFamilies["serif"])
        #expect(table["cursive"] == FontCatalogue.defaultGenericFamilies["cursive"])
    }

    @Test func systemFontconfigAgreesWithFcMatch() {
        // With the Debian font packages this project installs, fontconfig's first choices.
        #expect(Fontconfig.families(for: "sans-serif").first == "Noto Sans")
        #expect(Fontconfig.families(for: "serif").first == "Noto Serif")
        #expect(Fontconfig.families(for: "monospace").first == "DejaVu Sans Mono")
    }
}
