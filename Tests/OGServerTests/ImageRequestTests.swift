import HTTPServer
import Store
import Testing
@testable import OGServer

struct ImageRequestTests {
    static let catalog = TemplateCatalog(templates: [
        Template(id: "blog", description: "Blog", width: 1200, height: 630,
                 variables: [.init(name: "title", description: "", example: "", defaultValue: "Untitled")],
                 html: "<h1>{{title}}</h1>", digest: "digest-blog"),
        Template(id: "square", description: "Square", width: 1080, height: 1080,
                 variables: [], html: "<p>x</p>", digest: "digest-square"),
    ])

    static func parse(_ json: String) throws -> ImageRequest {
        try ImageRequest.parse(Array(json.utf8), templates: catalog, limits: Limits())
    }

    static func message(_ json: String) -> String? {
        do {
            _ = try parse(json)
            return nil
        } catch let error as HTTPError {
            #expect(error.status == .badRequest)
            return error.message
        } catch {
            return "unexpected \(error)"
        }
    }

    @Test func templateRequestGetsDefaults() throws {
        let request = try Self.parse(#"{"template":"blog","data":{"title":"Hi"}}"#)
        #expect(request.width == 1200 && request.height == 630 && request.format == .png && request.quality == nil)
        guard case .template(let template, let data) = request.source else { Issue.record("not a template"); return }
        #expect(template.id == "blog" && data == ["title": "Hi"])
    }

    @Test func templateSizeIsTheDefaultSize() throws {
        let request = try Self.parse(#"{"template":"square"}"#)
        #expect(request.width == 1080 && request.height == 1080)
    }

    @Test func aliasesAndQuality() throws {
        let jpeg = try Self.parse(#"{"html":"<p>x</p>","format":"jpg","quality":80,"width":600,"height":315}"#)
        #expect(jpeg.format == .jpeg && jpeg.quality == 80 && jpeg.width == 600)
        let png = try Self.parse(#"{"html":"<p>x</p>","format":"PNG","quality":80}"#)
        #expect(png.format == .png && png.quality == nil, "quality cannot change a PNG, so it must not change the key")
    }

    @Test func dataValuesBecomeText() throws {
        let request = try Self.parse(#"{"template":"blog","data":{"n":3,"b":true,"z":null}}"#)
        guard case .template(_, let data) = request.source else { Issue.record("not a template"); return }
        #expect(data == ["n": "3", "b": "true"])
    }

    @Test func equivalentRequestsShareAKey() throws {
        let a = try Self.parse(#"{"template":"blog","data":{"title":"Café","unused":"1"}}"#)
        let b = try Self.parse("{ \"data\" : { \"title\" : \"Cafe\u{301}\" },\n \"width\": 1200, \"template\":\"blog\", \"format\":\"png\" }")
        #expect(a.spec(rendererVersion: "v").key == b.spec(rendererVersion: "v").key)
        let c = try Self.parse(#"{"template":"blog","data":{"title":"Cafe"}}"#)
        #expect(a.spec(rendererVersion: "v").key != c.spec(rendererVersion: "v").key)
        #expect(a.spec(rendererVersion: "v").key != a.spec(rendererVersion: "w").key)
    }

    @Test(arguments: [
        (#"{"template":"blog","html":"<p>x</p>"}"#, APIError.eitherTemplateOrHTML),
        (#"{}"#, APIError.eitherTemplateOrHTML),
        (#"{"data":{"title":"x"}}"#, APIError.eitherTemplateOrHTML),
        (#"{"template":"nope"}"#, "Unknown template \"nope\". Available templates: blog, square."),
        (#"{"template":7}"#, "\"template\" must be a string: one of blog, square."),
        (#"{"html":""}"#, "\"html\" is empty."),
        (#"{"html":"<p>x</p>","width":0}"#, "\"width\" must be an integer from 1 to 4096."),
        (#"{"html":"<p>x</p>","height":4097}"#, "\"height\" must be an integer from 1 to 4096."),
        (#"{"html":"<p>x</p>","width":12.5}"#, "\"width\" must be an integer from 1 to 4096."),
        (#"{"html":"<p>x</p>","width":"1200"}"#, "\"width\" must be an integer from 1 to 4096."),
        (#"{"html":"<p>x</p>","format":"gif"}"#, "Unsupported format \"gif\". Use png, jpeg or webp."),
        (#"{"html":"<p>x</p>","quality":0}"#, "\"quality\" must be an integer from 1 to 100."),
        (#"{"html":"<p>x</p>","widht":10}"#, "Unknown field \"widht\". Allowed fields: data, format, height, html, quality, template, width."),
        (#"{"template":"blog","data":[1]}"#, "\"data\" must be an object of template variables."),
        (#"{"template":"blog","data":{"t":{"x":1}}}"#, "\"data.t\" must be a string, number or boolean, not an object."),
        (#"[1]"#, "The request body must be a JSON object."),
        (#"{"html":"<p>x</p>","data":{"a":"b"}}"#, "\"data\" goes with \"template\"; put values straight into \"html\"."),
    ])
    func rejectsBadInput(_ json: String, _ expected: String) {
        #expect(Self.message(json) == expected)
    }

    @Test func rejectsInvalidJSONWithItsPosition() {
        let message = Self.message(#"{"template": "blog",}"#)
        #expect(message?.hasPrefix("Invalid JSON body: Expected a string key at byte") == true)
    }

    @Test func rejectsOversizedHTML() {
        var limits = Limits()
        limits.maxHTMLBytes = 10
        #expect(throws: HTTPError.self) {
            try ImageRequest.parse(Array(#"{"html":"<p>0123456789</p>"}"#.utf8), templates: Self.catalog, limits: limits)
        }
    }
}
