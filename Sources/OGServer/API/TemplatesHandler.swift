import HTTPServer

/// `GET /templates`: every built-in template with its size and variables. No authentication.
struct TemplatesHandler: Sendable {
    let templates: TemplateCatalog

    func handle(_ request: Request) throws -> Response {
        let list: [JSONValue] = templates.templates.map { template in
            .object([
                ("id", .string(template.id)),
                ("description", .string(template.description)),
                ("width", .integer(template.width)),
                ("height", .integer(template.height)),
                ("variables", .array(template.variables.map { variable in
                    .object([
                        ("name", .string(variable.name)),
                        ("description", .string(variable.description)),
                        ("example", .string(variable.example)),
                        ("default", .string(variable.defaultValue)),
                    ])
                })),
            ])
        }
        var response = Response.json(.object([("templates", .array(list))]))
        // The list changes only when the operator edits templates; a short shared cache is safe.
        response.headers.set("Cache-Control", "public, max-age=300")
        return response
    }
}
