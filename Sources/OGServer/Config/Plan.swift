/// A billing plan: how many renders a key may make each month and which features it may use.
public struct Plan: Sendable, Equatable {
    public var name: String
    /// Renders allowed per calendar month (UTC); nil means unlimited.
    public var monthlyRenders: Int?
    /// Whether `POST /render/batch` is available.
    public var batch: Bool

    public init(name: String, monthlyRenders: Int?, batch: Bool) {
        self.name = name
        self.monthlyRenders = monthlyRenders
        self.batch = batch
    }

    /// The five plans with the product's published quotas.
    public static let defaults: [Plan] = [
        Plan(name: "free", monthlyRenders: 50, batch: false),
        Plan(name: "starter", monthlyRenders: 1_000, batch: false),
        Plan(name: "pro", monthlyRenders: 5_000, batch: true),
        Plan(name: "scale", monthlyRenders: 25_000, batch: true),
        Plan(name: "enterprise", monthlyRenders: nil, batch: true),
    ]
}
