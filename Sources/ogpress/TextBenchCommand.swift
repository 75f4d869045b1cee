import Foundation
import Render

/// `ogpress text-bench`: times the text engine's workloads (itemize, shape, break, rasterize) with a
/// warm glyph cache on the calling thread and prints the median per workload.
enum TextBenchCommand {
    static let help = """
        Usage: ogpress text-bench [--iterations N] [--fonts DIR]

        Runs each text workload (a 3-line 64 px title, a 500-word paragraph) N times (default 200) after
        a warm-up pass, and prints min, median and p90 in milliseconds, one line per workload.
        """

    static func run(_ arguments: inout Arguments) throws {
        let iterations = try arguments.integer("--iterations") ?? 200
        let fonts = try arguments.option("--fonts")
        try arguments.finish()
        guard iterations >= 1 else { throw UsageError("--iterations must be at least 1") }
        let benchmark = try TextBenchmark(fonts: fonts.map { FontConfiguration(directories: [$0]) } ?? FontConfiguration())
        let clock = ContinuousClock()
        for workload in TextBenchmark.Workload.allCases {
            let lines = benchmark.run(workload)  // Warm-up: fills the glyph and font caches.
            var samples: [Double] = []
            samples.reserveCapacity(iterations)
            for _ in 0..<iterations {
                let elapsed = clock.measure { benchmark.run(workload) }
                samples.append(Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000)
            }
            samples.sort()
            let median = samples[samples.count / 2]
            let p90 = samples[min(samples.count - 1, samples.count * 9 / 10)]
            let name = workload.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0)
            Command.say(name + String(format: "lines=%d n=%d min=%.3f ms median=%.3f ms p90=%.3f ms",
                                      lines, iterations, samples[0], median, p90))
        }
    }
}
