import Foundation
import Store

/// The built-in templates, loaded once from a folder of `<id>.html` + `<id>.json` pairs.
public struct TemplateCatalog: Sendable {
    /// Templates sorted by id.
    public let templates: [Template]

    public init(templates: [Template]) {
        self.templates = templates.sorted { $0.id < $1.id }
    }

    /// Loads every template in `directory`.
    /// - Throws: `ConfigurationError` when a manifest is malformed or its HTML is missing.
    public init(directory: String) throws {
        let files: [String]
        do {
            files = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw ConfigurationError("Cannot read the templates folder \(directory)")
        }
        var loaded: [Template] = []
        for file in files where file.hasSuffix(".json") {
            let manifestPath = (directory as NSString).appendingPathComponent(file)
            let htmlPath = String(manifestPath.dropLast(".json".count)) + ".html"
            loaded.append(try Self.load(manifestPath: manifestPath, htmlPath: htmlPath))
        }
        self.init(templates: loaded)
    }

    /// The template with `id`, if any.
    public func template(id: String) -> Template? {
        templates.first { $0.id == id }
    }

    /// Ids joined for messages: `blog, docs, minimal`.
    public var idList: String {
        templates.map(\.id).joined(separator: ", ")
    }

    private static func load(manifestPath: String, htmlPath: String) throws -> Template {
        guard let manifestData = FileManager.default.contents(atPath: manifestPath) else {
            throw ConfigurationError("Cannot read \(manifestPath)")
        }
        guard let htmlData = FileManager.default.contents(atPath: htmlPath),
              let html = String(data: htmlData, encoding: .utf8) else {
            throw ConfigurationError("Cannot read \(htmlPath) (every template manifest needs its HTML file)")
        }
        let manifest: JSONValue
        do {
            manifest = try JSONParser.parse(Array(manifestData))
        } catch {
            throw ConfigurationError("\(manifestPath): \(error)")
        }
        func text(_ key: String, in value: JSONValue = manifest) throws -> String {
            guard case .string(let string)? = value[key] else {
                throw ConfigurationError("\(manifestPath): \"\(key)\" must be a string")
            }
            return string
        }
        guard case .array(let variableList)? = manifest["variables"] else {
            throw ConfigurationError("\(manifestPath): \"variables\" must be an array")
        }
        let variables = try variableList.map { entry in
            Template.Variable(name: try text("name", in: entry), description: try text("description", in: entry),
                              example: try text("example", in: entry), defaultValue: try text("default", in: entry))
        }
        guard let width = manifest["width"]?.integerValue, let height = manifest["height"]?.integerValue else {
            throw ConfigurationError("\(manifestPath): \"width\" and \"height\" must be integers")
        }
        let digest = SHA256.hex(Array(htmlData) + [0] + Array(manifestData))
        return Template(id: try text("id"), description: try text("description"), width: width, height: height,
                        variables: variables, html: html, digest: digest)
    }
}
