import OGServer

/// `ogpress keys create`: make an API key and print it once.
enum KeysCommand {
    static let help = """
        Usage: ogpress keys create [--plan PLAN] [--name NAME] [--config FILE] [--cache-dir DIR]

        Creates an API key and prints it on the last line. Only a hash is stored: keep the key.
        PLAN is one of the configured plans (free, starter, pro, scale, enterprise); default free.
        """

    static func run(_ arguments: inout Arguments) throws {
        let configuration = try Command.configuration(&arguments)
        let plan = try arguments.option("--plan") ?? "free"
        let name = try arguments.option("--name") ?? ""
        try arguments.finish()
        guard configuration.plan(named: plan) != nil else {
            throw UsageError("unknown plan \"\(plan)\"; plans: \(configuration.plans.map(\.name).joined(separator: ", "))")
        }
        let application = try Application(configuration: configuration)
        let created = try application.store.createAPIKey(plan: plan, name: name)
        print("Created a \(plan) key\(name.isEmpty ? "" : " named \"\(name)\""). It is shown only this once:")
        print(created.key)
    }
}
