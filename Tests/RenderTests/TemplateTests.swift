import Foundation
import Testing
@testable import Render

struct TemplateTests {
    struct Manifest: Decodable {
        struct Variable: Decodable {
            var name: String
            var description: String
            var example: String
            var `default`: String
        }
        var id: String
        var description: String
        var width: Int
        var height: Int
        var variables: [Variable]
    }

    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("config/templates")

    private func load(_ id: String) throws -> (Manifest, String) {
        let manifest = try JSONDecoder().decode(Manifest.self, from: Data(contentsOf: Self.directory.appendingPathComponent("\(id).json")))
        let html = try String(contentsOf: Self.directory.appendingPathComponent("\(id).html"), encoding: .utf8)
        return (manifest, html)
    }

    /// What the server does: placeholders replaced by HTML-escaped values.
    private func fill(_ html: String, _ values: [String: String]) -> String {
        var result = html
        for (name, value) in values {
            let escaped = value.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;").replacingOccurrences(of: "'", with: "&#39;")
            result = result.replacingOccurrences(of: "{{\(name)}}", with: escaped)
        }
        return result
    }

    private func examples(_ manifest: Manifest) -> [String: String] {
        Dictionary(uniqueKeysWithValues: manifest.variables.map { ($0.name, $0.example) })
    }

    /// The paragraph box whose text is `text`.
    private func paragraph(containing text: String, in page: LaidOut) -> LayoutBox? {
        // Compared case-insensitively: templates may apply text-transform.
        page.scene.boxes.first { $0.kind == .paragraph && $0.spans.map(\.text).joined().lowercased().contains(text.lowercased()) }
    }

    private func inside(_ rect: Rect, width: Int, height: Int) -> Bool {
        rect.x >= 0 && rect.y >= 0 && rect.maxX <= Double(width) && rect.maxY <= Double(height) && rect.width > 0 && rect.height > 0
    }

    @Test(arguments: ["blog", "docs", "minimal"])
    func manifestMatchesPlaceholders(id: String) throws {
        let (manifest, html) = try load(id)
        #expect(manifest.id == id)
        #expect(manifest.width == 1200 && manifest.height == 630)
        let placeholders = Set(html.components(separatedBy: "{{").dropFirst().compactMap { $0.components(separatedBy: "}}").first })
        #expect(placeholders == Set(manifest.variables.map(\.name)))
    }

    @Test func seedVariables() throws {
        let expected: [String: [(String, String, String)]] = [
            "blog": [("title", "Post title (main heading)", "How We Scaled to 1M Users"), ("author", "Author name", "Jane Smith"),
                     ("date", "Publication date", "June 2026"), ("site", "Site name / domain", "acme.dev")],
            "docs": [("category", "Category badge text", "API Reference"), ("title", "Page title", "Authentication Guide"),
                     ("description", "Short description", "Learn how to authenticate API requests"), ("site", "Brand name", "Acme Docs")],
            "minimal": [("title", "The text to display", "We just launched!"), ("background", "CSS background value", "#1e40af"),
                        ("color", "Text color", "#ffffff")],
        ]
        for (id, variables) in expected {
            let (manifest, _) = try load(id)
            #expect(manifest.variables.map(\.name) == variables.map(\.0))
            #expect(manifest.variables.map(\.description) == variables.map(\.1))
            #expect(manifest.variables.map(\.example) == variables.map(\.2))
        }
        let (minimal, _) = try load("minimal")
        #expect(minimal.variables.first { $0.name == "background" }?.default == "#1e40af")
        #expect(minimal.variables.first { $0.name == "color" }?.default == "#ffffff")
    }

    @Test(arguments: ["blog", "docs", "minimal"])
    func laysOutWithExampleDataWithoutWarnings(id: String) throws {
        let (manifest, html) = try load(id)
        let page = try LaidOut(fill(html, examples(manifest)), width: manifest.width, height: manifest.height)
        #expect(page.warnings == [])
        for variable in manifest.variables where !["background", "color"].contains(variable.name) {
            let found = paragraph(containing: variable.example, in: page)
            let box = try #require(found, "\(variable.name)")
            #expect(inside(box.frame, width: manifest.width, height: manifest.height), "\(variable.name): \(box.frame)")
        }
    }

    @Test func blogTitleIsClampedToThreeLinesAndSitsAboveTheByline() throws {
        let (manifest, html) = try load("blog")
        let page = try LaidOut(fill(html, examples(manifest)), width: 1200, height: 630)
        let title = try #require(paragraph(containing: "How We Scaled", in: page))
        let author = try #require(paragraph(containing: "Jane Smith", in: page))
        let site = try #require(paragraph(containing: "acme.dev", in: page))
        #expect(title.paragraphStyle.maxLines == 3)
        #expect(title.spans.first?.font.size == 64)
        #expect(title.spans.first?.font.weight == 700)
        #expect(title.spans.first?.font.families.first == "Inter")
        #expect(site.frame.maxY < title.frame.y)
        #expect(title.frame.maxY < author.frame.y)
        #expect(title.frame.x == 80)
        // The byline ends 80px above the bottom edge (body padding).
        #expect(abs(author.frame.maxY - 550) < 1)
    }

    @Test func docsBadgeIsAPillSizedToItsText() throws {
        let (manifest, html) = try load("docs")
        let page = try LaidOut(fill(html, examples(manifest)), width: 1200, height: 630)
        let badgeText = try #require(paragraph(containing: "API REFERENCE", in: page))
        let badge = try #require(page.scene.boxes[badgeText.parent] as LayoutBox?)
        #expect(badge.frame.width < 600)
        #expect(badge.frame.x == 80 && badge.frame.y == 72)
        #expect(badge.style.borderRadius.first == .px(999))
        #expect(badgeText.spans.first?.font.families.first == "JetBrains Mono")
        let brand = try #require(paragraph(containing: "Acme Docs", in: page))
        #expect(brand.frame.maxY <= 630 - 64 + 0.5)
    }

    @Test func minimalCentresTheTitleInTheChosenColours() throws {
        let (manifest, html) = try load("minimal")
        let page = try LaidOut(fill(html, examples(manifest)), width: 1200, height: 630)
        let title = try #require(paragraph(containing: "We just launched!", in: page))
        #expect(abs(title.frame.x + title.frame.width / 2 - 600) < 1)
        #expect(abs(title.frame.y + title.frame.height / 2 - 315) < 1)
        #expect(title.spans.first?.color == Color(red: 1, green: 1, blue: 1))
        let body = try #require(page.scene.boxes.first { $0.element.map { page.document.nodes[$0].tagName == "body" } ?? false })
        #expect(body.style.backgroundColor == .color(Color(red: 0x1e / 255, green: 0x40 / 255, blue: 0xaf / 255)))
    }

    @Test func hostileValuesStayText() throws {
        let (manifest, html) = try load("minimal")
        var values = examples(manifest)
        values["title"] = "</div><script>alert(1)</script>"
        values["background"] = "red; position:absolute\" onload=\"x"
        let page = try LaidOut(fill(html, values), width: 1200, height: 630)
        #expect(paragraph(containing: "</div><script>alert(1)</script>", in: page) != nil)
    }
}
