import Foundation
import OGServer
import Render

/// `ogpress render`: render one template or HTML file to an image file, without the server or the cache.
enum RenderCommand {
    static let help = """
        Usage: ogpress render (--template ID [--data key=value]... | --html FILE) --out FILE
                              [--width W] [--height H] [--format png|jpeg|webp] [--config FILE]

        Renders one image straight to FILE. Template variables not given use their defaults.
        """

    static func run(_ arguments: inout Arguments) throws {
        let configuration = try Command.configuration(&arguments)
        let templateID = try arguments.option("--template")
        let htmlFile = try arguments.option("--html")
        let pairs = try arguments.options("--data")
        guard let output = try arguments.option("--out") else { throw UsageError("--out FILE is required") }
        let width = try arguments.integer("--width")
        let height = try arguments.integer("--height")
        let format = try arguments.option("--format") ?? "png"
        try arguments.finish()

        let html: String
        var size = (width: 1200, height: 630)
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
            html = template.filled(with: template.resolvedValues(from: data))
            size = (template.width, template.height)
        case (nil, let file?):
            guard pairs.isEmpty else { throw UsageError("--data goes with --template") }
            guard let data = FileManager.default.contents(atPath: file), let text = String(data: data, encoding: .utf8) else {
                throw UsageError("cannot read \(file) as UTF-8 text")
            }
            html = text
        default:
            throw UsageError("give either --template ID or --html FILE")
        }
        let encoding: ImageEncoding
        switch format.lowercased() {
        case "png": encoding = .png
        case "jpeg", "jpg": encoding = .jpeg(quality: 90)
        case "webp": encoding = .webp(quality: 90)
        default: throw UsageError("--format must be png, jpeg or webp")
        }
        let renderer = try Renderer(fonts: FontConfiguration(directories: configuration.fontDirectories),
                                    images: configuration.imageLoader,
                                    deadline: .seconds(configuration.limits.renderDeadlineSeconds))
        let result = try renderer.render(html: html, width: width ?? size.width, height: height ?? size.height, encoding: encoding)
        guard FileManager.default.createFile(atPath: output, contents: Data(result.bytes)) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: output])
        }
        for warning in result.warnings { Command.printError("warning: \(warning)") }
        print("Wrote \(result.bytes.count) bytes to \(output)")
    }
}
