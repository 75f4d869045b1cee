/// One render counted against an account's monthly quota, kept so it can be refunded.
public struct UsageCharge: Sendable, Equatable {
    public var accountID: Int64
    /// The UTC month charged, `YYYY-MM`.
    public var month: String

    public init(accountID: Int64, month: String) {
        self.accountID = accountID
        self.month = month
    }
}
