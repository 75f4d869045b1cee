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

        let card = try CardInput(templateID: templateID, htmlFile: htmlFile, pairs: pairs, configuration: configuration)
        let encoding = try CardInput.encoding(format: format, quality: 90)
        let renderer = try configuration.makeRenderer()
        let result = try renderer.render(html: card.html, width: width ?? card.width, height: height ?? card.height,
                                         encoding: encoding)
        guard FileManager.default.createFile(atPath: output, contents: Data(result.bytes)) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: output])
        }
        for warning in result.warnings { Command.printError("warning: \(warning)") }
        print("Wrote \(result.bytes.count) bytes to \(output)")
    }
}
