/// The moment a render must give up. Stages poll it at cheap points (between stages, once per box
/// layout) instead of running on a thread that could be killed, so a slow document costs at most one
/// box's work past its deadline.
struct RenderDeadline: Sendable {
    let instant: ContinuousClock.Instant

    /// A deadline `duration` from now.
    init(after duration: Duration) {
        instant = ContinuousClock.now.advanced(by: duration)
    }

    var hasPassed: Bool { ContinuousClock.now >= instant }

    /// - Throws: `RenderError.deadlineExceeded` once the deadline has passed.
    func check() throws {
        if hasPassed { throw RenderError.deadlineExceeded }
    }
}
