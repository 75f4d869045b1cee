import Foundation
import OGServer
import Render

/// What `render` and `bench` draw: a template filled with `--data key=value` pairs, or an HTML file,
/// with the size it renders at unless `--width`/`--height` say otherwise.
struct CardInput {
    var html: String
    var width: Int
    var height: Int

    /// - Throws: `UsageError` for an unknown template, malformed pairs, an unreadable file, or not
    ///   exactly one of a template and a file.
    init(templateID: String?, htmlFile: String?, pairs: [String], configuration: Configuration) throws {
        switch (templateID, htmlFile) {
        case (let id?, nil):
            let templates = try TemplateCatalog(directory: configuration.templatesDirectory)
            guard let template = templates.template(id: id) else {
                throw UsageError("unknown template \"\(id)\"; templates: \(templates.idList)")
            }
            var data: [String: String] = [:]
            for pair in pairs {
                guard let equals = pair.firstIndex(of: "=") else { throw UsageError("--data needs key=value, not \"\(pair)\"") }
                data[String(pair[..<equals])] = String(pair[pair.index(after: equals)...])
            }
            self.init(html: template.filled(with: template.resolvedValues(from: data)), width: template.width, height: template.height)
        case (nil, let file?):
            guard pairs.isEmpty else { throw UsageError("--data goes with --template") }
            guard let data = FileManager.default.contents(atPath: file), let text = String(data: data, encoding: .utf8) else {
                throw UsageError("cannot read \(file) as UTF-8 text")
            }
            self.init(html: text, width: 1200, height: 630)
        default:
            throw UsageError("give either --template ID or --html FILE")
        }
    }

    init(html: String, width: Int, height: Int) {
        self.html = html
        self.width = width
        self.height = height
    }

    /// The encoder for a `--format` value.
    static func encoding(format: String, quality: Int) throws -> ImageEncoding {
        switch format.lowercased() {
        case "png": .png
        case "jpeg", "jpg": .jpeg(quality: quality)
        case "webp": .webp(quality: quality)
        default: throw UsageError("--format must be png, jpeg or webp")
        }
    }
}
