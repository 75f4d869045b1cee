import Foundation
import Glibc
import OGServer
import Render

/// `ogpress bench`: render one template or HTML file many times in this process and print median
/// stage times, so changes to layout, paint or encoding can be compared.
enum BenchCommand {
    static let help = """
        Usage: ogpress bench (--template ID [--data key=value]... | --html FILE)
                             [--width W] [--height H] [--format png|jpeg|webp] [--quality Q]
                             [--iterations N] [--out FILE] [--config FILE]

        Renders N times (default 30) after one warm-up render and prints key=value lines: median
        layout, paint and encode milliseconds, encoded size, peak resident memory, and last
        total_median_ms (the median of per-render totals). --out writes the last image.
        """

    static func run(_ arguments: inout Arguments) throws {
        let configuration = try Command.configuration(&arguments)
        let templateID = try arguments.option("--template")
        let htmlFile = try arguments.option("--html")
        let pairs = try arguments.options("--data")
        let width = try arguments.integer("--width")
        let height = try arguments.integer("--height")
        let format = try arguments.option("--format") ?? "png"
        let quality = try arguments.integer("--quality") ?? 90
        let iterations = try arguments.integer("--iterations") ?? 30
        let output = try arguments.option("--out")
        try arguments.finish()
        guard iterations >= 1 else { throw UsageError("--iterations must be at least 1") }

        let (html, size) = try input(templateID: templateID, htmlFile: htmlFile, pairs: pairs, configuration: configuration)
        let encoding: ImageEncoding
        switch format.lowercased() {
        case "png": encoding = .png
        case "jpeg", "jpg": encoding = .jpeg(quality: quality)
        case "webp": encoding = .webp(quality: quality)
        default: throw UsageError("--format must be png, jpeg or webp")
        }
        let renderer = try Renderer(fonts: FontConfiguration(directories: configuration.fontDirectories))
        let viewport = (width: width ?? size.width, height: height ?? size.height)
        var last = try renderer.render(html: html, width: viewport.width, height: viewport.height, encoding: encoding)
        var samples: [RenderTimings] = []
        samples.reserveCapacity(iterations)
        for _ in 0..<iterations {
            last = try renderer.render(html: html, width: viewport.width, height: viewport.height, encoding: encoding)
            samples.append(last.timings)
        }
        if let output {
            guard FileManager.default.createFile(atPath: output, contents: Data(last.bytes)) else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: output])
            }
        }
        print("iterations=\(iterations)")
        print("layout_median_ms=\(milliseconds(median(samples.map(\.layout))))")
        print("paint_median_ms=\(milliseconds(median(samples.map(\.paint))))")
        print("encode_median_ms=\(milliseconds(median(samples.map(\.encode))))")
        print("bytes=\(last.bytes.count)")
        print("peak_rss_kb=\(peakResidentKilobytes())")
        print("total_median_ms=\(milliseconds(median(samples.map(\.total))))")
    }

    /// The HTML to render and its default size, from a template (with data) or a file.
    private static func input(templateID: String?, htmlFile: String?, pairs: [String],
                              configuration: Configuration) throws -> (String, (width: Int, height: Int)) {
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
            return (template.filled(with: template.resolvedValues(from: data)), (template.width, template.height))
        case (nil, let file?):
            guard pairs.isEmpty else { throw UsageError("--data goes with --template") }
            guard let data = FileManager.default.contents(atPath: file), let text = String(data: data, encoding: .utf8) else {
                throw UsageError("cannot read \(file) as UTF-8 text")
            }
            return (text, (1200, 630))
        default:
            throw UsageError("give either --template ID or --html FILE")
        }
    }

    private static func median(_ values: [Duration]) -> Duration {
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    private static func milliseconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let value = Double(seconds) * 1000 + Double(attoseconds) / 1e15
        return String(format: "%.3f", value)
    }

    /// The process's peak resident set so far (getrusage's ru_maxrss, in kilobytes on Linux).
    private static func peakResidentKilobytes() -> Int {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return usage.ru_maxrss
    }
}
