extension EventLoop {
    /// Enforces the header read, body read, idle, linger and shutdown deadlines.
    ///
    /// Timeouts only look at instants stored on each connection, so a client trickling one byte a
    /// second costs one check per tick and never blocks anybody else.
    func sweep(now: ContinuousClock.Instant) {
        for connection in Array(connections.values) {
            if let deadline = stopDeadline, now >= deadline {
                closeConnection(connection)
            } else if let linger = connection.lingerDeadline {
                if now >= linger { closeConnection(connection) }
            } else if let started = connection.headStarted, connection.acceptsRequests, connection.isQuiet,
                      now - started >= configuration.headerReadTimeout {
                if connection.parser.isIdle {
                    // Connected but never sent a byte: nothing to answer.
                    closeConnection(connection)
                } else {
                    // RFC 9110 §15.5.9: 408 tells the client the server gave up waiting and closes.
                    fail(connection, with: .requestTimeout, message: HTTPStatus.requestTimeout.reasonPhrase)
                    process(connection)
                }
            } else if let started = connection.bodyStarted, connection.acceptsRequests, connection.isQuiet,
                      now - started >= configuration.bodyReadTimeout {
                // A body trickling in (or stalled) past its deadline: the same 408 as a slow head.
                fail(connection, with: .requestTimeout, message: HTTPStatus.requestTimeout.reasonPhrase)
                process(connection)
            } else if connection.inFlight == nil && connection.pending.isEmpty
                        && now - connection.lastActivity >= configuration.idleTimeout {
                // Idle keep-alive, or a client that stopped reading its response.
                closeConnection(connection)
            }
        }
    }
}
