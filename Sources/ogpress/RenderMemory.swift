import CLinuxShims
import Foundation
import Glibc

/// Measures how much resident memory one render adds at its peak.
///
/// The kernel keeps a high-water mark of the resident set (`VmHWM`) that writing `5` to
/// `/proc/self/clear_refs` resets to the current size (proc(5)). Freed memory that malloc still holds
/// would hide a render's needs, since reusing it does not grow the resident set, so `malloc_trim`
/// hands it back to the kernel first: every page the render touches then counts.
enum RenderMemory {
    /// Kilobytes the resident set grew to above where it stood before `body`, or nil where the
    /// kernel offers no resettable high-water mark.
    static func peakGrowth(of body: () throws -> Void) rethrows -> Int? {
        malloc_trim(0)
        guard reset(), let before = status("VmRSS:") else {
            try body()
            return nil
        }
        try body()
        guard let peak = status("VmHWM:") else { return nil }
        return max(0, peak - before)
    }

    private static func reset() -> Bool {
        let descriptor = open("/proc/self/clear_refs", O_WRONLY)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        return write(descriptor, "5", 1) == 1
    }

    /// A kilobyte field of `/proc/self/status`, such as `VmRSS:`.
    private static func status(_ field: String) -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix(field) {
            return Int(line.dropFirst(field.count).split(whereSeparator: { $0 == " " || $0 == "\t" }).first ?? "")
        }
        return nil
    }
}
