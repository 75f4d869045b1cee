import Foundation

extension Configuration {
    /// Applies a JSON configuration file. Relative paths in it resolve against the file's folder,
    /// so `config/ogpress.json` can say `"templatesDirectory": "templates"`.
    /// - Throws: `ConfigurationError` for unreadable files, bad JSON, unknown keys or wrong types.
    public mutating func apply(file path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigurationError("Cannot read configuration file \(path)")
        }
        let root: JSONValue
        do {
            root = try JSONParser.parse(Array(data))
        } catch {
            throw ConfigurationError("\(path): \(error)")
        }
        let folder = (path as NSString).deletingLastPathComponent
        try apply(json: root, relativeTo: folder.isEmpty ? "." : folder, source: path)
    }

    mutating func apply(json root: JSONValue, relativeTo folder: String, source: String) throws {
        guard case .object(let members) = root else { throw ConfigurationError("\(source): expected a JSON object") }
        let reader = FieldReader(source: source)
        for (key, value) in members {
            switch key {
            case "host": host = try reader.string(value, key)
            case "port": port = try reader.integer(value, key, in: 0...65_535)
            case "publicURL": publicURL = try reader.string(value, key)
            case "cacheDirectory": cacheDirectory = Self.resolve(try reader.string(value, key), against: folder)
            case "templatesDirectory": templatesDirectory = Self.resolve(try reader.string(value, key), against: folder)
            case "assetsDirectory": assetsDirectory = Self.resolve(try reader.string(value, key), against: folder)
            case "fontDirectories":
                guard case .array(let items) = value else { throw reader.typeError(key, "an array of strings") }
                fontDirectories = try items.map { Self.resolve(try reader.string($0, key), against: folder) }
            case "retentionDays": retentionDays = try reader.integer(value, key, in: 1...36_500)
            case "workerThreads": workerThreads = try reader.integer(value, key, in: 1...1024)
            case "accessLog": accessLog = try reader.bool(value, key)
            case "ditherGradients": ditherGradients = try reader.bool(value, key)
            case "imageCacheBytes": imageCacheBytes = try reader.integer(value, key, in: 0...(1 << 40))
            case "eventLoops": eventLoops = value == .null ? nil : try reader.integer(value, key, in: 1...256)
            case "sharedListener": sharedListener = try reader.bool(value, key)
            case "shutdownTimeoutSeconds": shutdownTimeoutSeconds = try reader.integer(value, key, in: 0...3_600)
            case "limits": try applyLimits(value, reader: reader)
            case "plans": plans = try Self.plans(from: value, reader: reader)
            default: throw ConfigurationError("\(source): unknown setting \"\(key)\"")
            }
        }
    }

    private mutating func applyLimits(_ value: JSONValue, reader: FieldReader) throws {
        guard case .object(let members) = value else { throw reader.typeError("limits", "an object") }
        for (key, value) in members {
            let name = "limits.\(key)"
            switch key {
            case "maxBodyBytes": limits.maxBodyBytes = try reader.integer(value, name, in: 1...(1 << 30))
            case "maxHTMLBytes": limits.maxHTMLBytes = try reader.integer(value, name, in: 1...(1 << 30))
            case "maxJSONDepth": limits.maxJSONDepth = try reader.integer(value, name, in: 1...512)
            case "maxImageBytes": limits.maxImageBytes = try reader.integer(value, name, in: 1...(1 << 30))
            case "maxImagePixels": limits.maxImagePixels = try reader.integer(value, name, in: 1...1_000_000_000)
            case "renderDeadlineSeconds": limits.renderDeadlineSeconds = try reader.integer(value, name, in: 1...600)
            case "maxDimension": limits.maxDimension = try reader.integer(value, name, in: 1...16_384)
            case "maxHeaderBytes": limits.maxHeaderBytes = try reader.integer(value, name, in: 1_024...(1 << 20))
            case "headerReadTimeoutSeconds": limits.headerReadTimeoutSeconds = try reader.integer(value, name, in: 1...3_600)
            case "idleTimeoutSeconds": limits.idleTimeoutSeconds = try reader.integer(value, name, in: 1...86_400)
            case "bodyReadTimeoutSeconds": limits.bodyReadTimeoutSeconds = try reader.integer(value, name, in: 1...3_600)
            case "maxConnections": limits.maxConnections = try reader.integer(value, name, in: 1...1_000_000)
            case "workerQueueCapacity": limits.workerQueueCapacity = try reader.integer(value, name, in: 1...1_000_000)
            default: throw ConfigurationError("\(reader.source): unknown setting \"\(name)\"")
            }
        }
    }

    private static func plans(from value: JSONValue, reader: FieldReader) throws -> [Plan] {
        guard case .object(let members) = value else { throw reader.typeError("plans", "an object") }
        return try members.map { name, body in
            guard case .object = body else { throw reader.typeError("plans.\(name)", "an object") }
            var plan = Plan(name: name, monthlyRenders: nil, batch: false)
            if let renders = body["monthlyRenders"], renders != .null {
                plan.monthlyRenders = try reader.integer(renders, "plans.\(name).monthlyRenders", in: 0...Int.max)
            }
            if let batch = body["batch"] { plan.batch = try reader.bool(batch, "plans.\(name).batch") }
            return plan
        }
    }

    /// Applies `OGPRESS_*` variables from `environment`.
    public mutating func apply(environment: [String: String]) throws {
        if let value = environment["OGPRESS_HOST"] { host = value }
        if let value = environment["OGPRESS_PORT"] { port = try Self.port(value, source: "OGPRESS_PORT") }
        if let value = environment["OGPRESS_CACHE_DIR"] { cacheDirectory = value }
        if let value = environment["OGPRESS_PUBLIC_URL"] { publicURL = value }
    }

    /// Parses a port number from text.
    public static func port(_ text: String, source: String) throws -> Int {
        guard let port = Int(text), (0...65_535).contains(port) else {
            throw ConfigurationError("\(source) must be a port number between 0 and 65535, not \"\(text)\"")
        }
        return port
    }

    private static func resolve(_ path: String, against folder: String) -> String {
        path.hasPrefix("/") ? path : (folder as NSString).appendingPathComponent(path)
    }
}

/// Reads typed fields out of configuration JSON with messages that name the file and the key.
private struct FieldReader {
    let source: String

    func typeError(_ key: String, _ expected: String) -> ConfigurationError {
        ConfigurationError("\(source): \"\(key)\" must be \(expected)")
    }

    func string(_ value: JSONValue, _ key: String) throws -> String {
        guard case .string(let text) = value else { throw typeError(key, "a string") }
        return text
    }

    func bool(_ value: JSONValue, _ key: String) throws -> Bool {
        guard case .bool(let flag) = value else { throw typeError(key, "true or false") }
        return flag
    }

    func integer(_ value: JSONValue, _ key: String, in range: ClosedRange<Int>) throws -> Int {
        guard let number = value.integerValue, range.contains(number) else {
            throw typeError(key, "an integer from \(range.lowerBound) to \(range.upperBound)")
        }
        return number
    }
}
