/// A command-line usage mistake; the executable prints it with the command's help and exits 64.
struct UsageError: Error {
    var message: String
    init(_ message: String) { self.message = message }
}

/// Options and positional words of one command, consumed as the command reads them.
struct Arguments {
    private var words: [String]

    init(_ words: [String]) { self.words = words }

    /// Whether `--help` or `-h` was given.
    var wantsHelp: Bool { words.contains("--help") || words.contains("-h") }

    /// Removes and returns the value of `--name VALUE` or `--name=VALUE` (the last one wins).
    mutating func option(_ name: String) throws -> String? {
        try options(name).last
    }

    /// Removes and returns every value of a repeatable option.
    mutating func options(_ name: String) throws -> [String] {
        var values: [String] = []
        var index = 0
        while index < words.count {
            let word = words[index]
            if word == name {
                guard index + 1 < words.count else { throw UsageError("\(name) needs a value") }
                values.append(words[index + 1])
                words.removeSubrange(index...index + 1)
            } else if word.hasPrefix(name + "=") {
                values.append(String(word.dropFirst(name.count + 1)))
                words.remove(at: index)
            } else {
                index += 1
            }
        }
        return values
    }

    /// Removes and returns an integer option.
    mutating func integer(_ name: String) throws -> Int? {
        guard let text = try option(name) else { return nil }
        guard let value = Int(text) else { throw UsageError("\(name) must be an integer, not \"\(text)\"") }
        return value
    }

    /// Removes and returns the next positional word.
    mutating func positional() -> String? {
        guard let index = words.firstIndex(where: { !$0.hasPrefix("-") }) else { return nil }
        return words.remove(at: index)
    }

    /// Fails if anything was left unread.
    func finish() throws {
        if let extra = words.first { throw UsageError("unexpected argument \"\(extra)\"") }
    }
}
