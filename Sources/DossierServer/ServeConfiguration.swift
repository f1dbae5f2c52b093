import DossierCore

/// What `dossier serve` serves, and where.
public struct ServeConfiguration: Sendable {
    /// The project folder (holding `content/` and `templates/`).
    public var root: String
    /// The interface to listen on; only this machine by default.
    public var host: String
    /// 0 picks a free port (the server reports the one it got).
    public var port: Int
    public var options: BuildOptions
    /// How long the watcher waits after the last file event before rebuilding.
    public var debounce: Duration

    public init(root: String = ".", host: String = "127.0.0.1", port: Int = 8000,
                options: BuildOptions = BuildOptions(), debounce: Duration = .milliseconds(30)) {
        self.root = root
        self.host = host
        self.port = port
        self.options = options
        self.debounce = debounce
    }
}
