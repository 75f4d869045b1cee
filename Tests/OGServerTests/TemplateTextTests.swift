import Testing
@testable import OGServer

struct TemplateTextTests {
    @Test func findsPlaceholders() {
        #expect(TemplateText.placeholders(in: "<h1>{{title}}</h1><p>{{ author }}</p>{{title}}") == ["title", "author", "title"])
    }

    @Test func leavesMalformedPlaceholdersAlone() {
        let text = "a {{ not a name! }} b {{open"
        #expect(TemplateText.substitute(text) { _ in "X" } == text)
        #expect(TemplateText.substitute("{{}} {{x}}") { _ in "X" } == "{{}} X")
    }

    @Test func escapesValues() {
        #expect(TemplateText.escapeHTML(#"<script>"a" & 'b'</script>"#) == "&lt;script&gt;&quot;a&quot; &amp; &#39;b&#39;&lt;/script&gt;")
    }

    @Test func fillsUsedVariablesWithDataOrDefaults() {
        let template = Template(
            id: "t", description: "", width: 1200, height: 630,
            variables: [
                .init(name: "title", description: "", example: "", defaultValue: "Untitled"),
                .init(name: "color", description: "", example: "", defaultValue: "#fff"),
                .init(name: "unused", description: "", example: "", defaultValue: "x"),
            ],
            html: "<p style=\"color:{{color}}\">{{title}}</p>", digest: "d")
        let values = template.resolvedValues(from: ["title": "<b>Hi</b>", "extra": "ignored"])
        #expect(values == ["title": "<b>Hi</b>", "color": "#fff"])
        #expect(template.filled(with: values) == "<p style=\"color:#fff\">&lt;b&gt;Hi&lt;/b&gt;</p>")
    }
}
