import Foundation
import Testing
@testable import OGServer

/// The fidelity cases named `tpl-*` are the built-in templates filled with the product's example data;
/// when a template changes, its case (and its Chromium reference) must be made again, or the
/// comparison would measure a card nobody renders.
struct TemplateFidelityCaseTests {
    static let cases: [(file: String, template: String, data: [String: String])] = [
        ("tpl-blog", "blog", ["title": "How We Scaled to 1M Users", "author": "Jane Smith", "date": "June 2026", "site": "acme.dev"]),
        ("tpl-blog-long", "blog", ["title": "A Much Longer Blog Post Title That Wraps Across Several Lines And Gets Clamped At Three",
                                   "author": "Jane Smith", "date": "June 2026", "site": "acme.dev"]),
        ("tpl-docs", "docs", ["category": "API Reference", "title": "Authentication Guide",
                              "description": "Learn how to authenticate API requests", "site": "Acme Docs"]),
        ("tpl-minimal", "minimal", ["title": "We just launched!", "background": "#1e40af", "color": "#ffffff"]),
    ]

    @Test(arguments: cases.map(\.file))
    func caseIsTheFilledTemplate(_ file: String) throws {
        let entry = try #require(Self.cases.first { $0.file == file })
        let catalog = try TemplateCatalog(directory: TestApplication.repositoryRoot + "/config/templates")
        let template = try #require(catalog.template(id: entry.template))
        let path = TestApplication.repositoryRoot + "/Tests/Fidelity/cases/\(file).html"
        let stored = try String(contentsOfFile: path, encoding: .utf8)
        #expect(stored == template.filled(with: template.resolvedValues(from: entry.data)),
                "regenerate \(file).html from config/templates/\(entry.template).html and its reference")
    }
}
