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
                             [--iterations N] [--image-cache-bytes B] [--out FILE] [--config FILE]

        Renders N times (default 30) after one warm-up render and prints key=value lines: median
        layout, paint and encode milliseconds, encoded size, the process's peak resident memory,
        the memory the first render adds at its peak, caches included (render_peak_kb), and last
        total_median_ms: the median wall time of a whole render call as a caller sees it.
        Images stay decoded and resampled between renders as in the server; --image-cache-bytes 0
        makes every render decode and resample them, as for images no earlier render used.
        --out writes the last image.
        """

    static func run(_ arguments: inout Arguments) throws {
        var configuration = try Command.configuration(&arguments)
        let templateID = try arguments.option("--template")
        let htmlFile = try arguments.option("--html")
        let pairs = try arguments.options("--data")
        let width = try arguments.integer("--width")
        let height = try arguments.integer("--height")
        let format = try arguments.option("--format") ?? "png"
        let quality = try arguments.integer("--quality") ?? 90
        let iterations = try arguments.integer("--iterations") ?? 30
        let output = try arguments.option("--out")
        if let bytes = try arguments.integer("--image-cache-bytes") {
            guard bytes >= 0 else { throw UsageError("--image-cache-bytes must be 0 or more") }
            configuration.imageCacheBytes = bytes
        }
        try arguments.finish()
        guard iterations >= 1 else { throw UsageError("--iterations must be at least 1") }

        let card = try CardInput(templateID: templateID, htmlFile: htmlFile, pairs: pairs, configuration: configuration)
        let html = card.html
        let size = (width: card.width, height: card.height)
        let encoding = try CardInput.encoding(format: format, quality: quality)
        let renderer = try configuration.makeRenderer()
        let viewport = (width: width ?? size.width, height: height ?? size.height)
        // The warm-up render is the one measured for memory: it also fills the font and glyph caches,
        // so its growth is an upper bound on what any later render of the card adds.
        var first: RenderOutput?
        let renderPeak = try RenderMemory.peakGrowth {
            first = try renderer.render(html: html, width: viewport.width, height: viewport.height, encoding: encoding)
        }
        guard var last = first else { return }
        var samples: [RenderTimings] = []
        var totals: [Duration] = []
        samples.reserveCapacity(iterations)
        totals.reserveCapacity(iterations)
        let clock = ContinuousClock()
        for _ in 0..<iterations {
            let start = clock.now
            last = try renderer.render(html: html, width: viewport.width, height: viewport.height, encoding: encoding)
            totals.append(clock.now - start)
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
        if let renderPeak { print("render_peak_kb=\(renderPeak)") }
        print("total_median_ms=\(milliseconds(median(totals)))")
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
