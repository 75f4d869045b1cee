import Foundation
import HTTPServer
import Store

/// A validated `POST /images` body (the OGPipe vocabulary).
struct ImageRequest: Sendable {
    enum Source: Sendable {
        case template(Template, data: [String: String])
        case html(String)
    }

    var source: Source
    var width: Int
    var height: Int
    var format: ImageFormat
    /// 1–100 for JPEG and WebP; nil for PNG, where it would change nothing.
    var quality: Int?

    static let fields: Set<String> = ["template", "data", "html", "width", "height", "format", "quality"]

    /// Parses and validates a request body.
    /// - Throws: `HTTPError` 400 with a message that names the offending field.
    static func parse(_ body: [UInt8], templates: TemplateCatalog, limits: Limits) throws -> ImageRequest {
        let root: JSONValue
        do {
            root = try JSONParser.parse(body, maxDepth: limits.maxJSONDepth)
        } catch let error as JSONParseError {
            throw APIError.badRequest("Invalid JSON body: \(error).")
        }
        guard case .object(let members) = root else {
            throw APIError.badRequest("The request body must be a JSON object.")
        }
        if let unknown = members.first(where: { !fields.contains($0.key) }) {
            throw APIError.badRequest("Unknown field \"\(unknown.key)\". Allowed fields: \(fields.sorted().joined(separator: ", ")).")
        }
        let source = try parseSource(root, templates: templates, limits: limits)
        var defaultSize = (width: 1200, height: 630)
        if case .template(let template, _) = source { defaultSize = (template.width, template.height) }
        let width = try dimension(root["width"], name: "width", default: defaultSize.width, limits: limits)
        let height = try dimension(root["height"], name: "height", default: defaultSize.height, limits: limits)
        let format = try parseFormat(root["format"])
        var quality = try parseQuality(root["quality"])
        if format == .png { quality = nil }
        return ImageRequest(source: source, width: width, height: height, format: format, quality: quality)
    }

    /// The normalized spec; equal specs share one cache key and one file.
    func spec(rendererVersion: String) -> RenderSpec {
        let specSource: RenderSpec.Source
        switch source {
        case .template(let template, let data):
            specSource = .template(id: template.id, digest: template.digest, variables: template.resolvedValues(from: data))
        case .html(let html):
            specSource = .html(html)
        }
        return RenderSpec(source: specSource, width: width, height: height, format: format, quality: quality,
                          rendererVersion: rendererVersion)
    }

    private static func parseSource(_ root: JSONValue, templates: TemplateCatalog, limits: Limits) throws -> Source {
        let template = root["template"].flatMap { $0 == .null ? nil : $0 }
        let html = root["html"].flatMap { $0 == .null ? nil : $0 }
        switch (template, html) {
        case (.some(let templateValue), nil):
            guard case .string(let id) = templateValue else {
                throw APIError.badRequest("\"template\" must be a string: one of \(templates.idList).")
            }
            guard let found = templates.template(id: id) else {
                throw APIError.badRequest("Unknown template \"\(id)\". Available templates: \(templates.idList).")
            }
            return .template(found, data: try parseData(root["data"]))
        case (nil, .some(let htmlValue)):
            guard case .string(let text) = htmlValue else { throw APIError.badRequest("\"html\" must be a string.") }
            if root["data"] != nil, root["data"] != .null {
                throw APIError.badRequest("\"data\" goes with \"template\"; put values straight into \"html\".")
            }
            guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw APIError.badRequest("\"html\" is empty.")
            }
            guard text.utf8.count <= limits.maxHTMLBytes else {
                throw APIError.badRequest("\"html\" is \(text.utf8.count) bytes; the limit is \(limits.maxHTMLBytes) bytes.")
            }
            return .html(text)
        default:
            throw APIError.badRequest(APIError.eitherTemplateOrHTML)
        }
    }

    private static func parseData(_ value: JSONValue?) throws -> [String: String] {
        guard let value, value != .null else { return [:] }
        guard case .object(let members) = value else {
            throw APIError.badRequest("\"data\" must be an object of template variables.")
        }
        var data: [String: String] = [:]
        data.reserveCapacity(members.count)
        for (key, member) in members {
            switch member {
            case .string(let text): data[key] = text
            case .number(let text): data[key] = text
            case .bool(let flag): data[key] = flag ? "true" : "false"
            case .null: data[key] = nil
            case .array, .object:
                throw APIError.badRequest("\"data.\(key)\" must be a string, number or boolean, not \(member.typeName).")
            }
        }
        return data
    }

    private static func dimension(_ value: JSONValue?, name: String, default fallback: Int, limits: Limits) throws -> Int {
        guard let value, value != .null else { return fallback }
        guard let number = value.integerValue, (1...limits.maxDimension).contains(number) else {
            throw APIError.badRequest("\"\(name)\" must be an integer from 1 to \(limits.maxDimension).")
        }
        return number
    }

    private static func parseFormat(_ value: JSONValue?) throws -> ImageFormat {
        guard let value, value != .null else { return .png }
        guard case .string(let text) = value else {
            throw APIError.badRequest("\"format\" must be one of png, jpeg, webp.")
        }
        switch text.lowercased() {
        case "png": return .png
        case "jpeg", "jpg": return .jpeg
        case "webp": return .webp
        default: throw APIError.badRequest("Unsupported format \"\(text)\". Use png, jpeg or webp.")
        }
    }

    private static func parseQuality(_ value: JSONValue?) throws -> Int? {
        guard let value, value != .null else { return nil }
        guard let number = value.integerValue, (1...100).contains(number) else {
            throw APIError.badRequest("\"quality\" must be an integer from 1 to 100.")
        }
        return number
    }
}
