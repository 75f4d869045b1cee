import Foundation

/// A render memory knows is on disk, with when its file was last seen there.
struct RecentRender: Sendable {
    var render: StoredRender
    /// When `stat` last confirmed the file's size.
    var fileChecked: Date
}
