import Foundation

/// An API key's account. Only the SHA-256 of a key is ever stored.
public struct Account: Sendable, Equatable {
    public var id: Int64
    public var name: String
    public var plan: String
    public var created: Date

    public init(id: Int64, name: String, plan: String, created: Date) {
        self.id = id
        self.name = name
        self.plan = plan
        self.created = created
    }
}
