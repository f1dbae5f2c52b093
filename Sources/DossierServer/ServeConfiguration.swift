import DossierModel

/// What `dossier serve` serves, and where.
package struct ServeConfiguration: Sendable {
    /// The project folder (holding `content/` and `templates/`).
    package var root: String
    /// The interface to listen on; only this machine by default.
    package var host: String
    /// 0 picks a free port (the server reports the one it got).
    package var port: Int
    package var options: BuildOptions
    /// How long the watcher waits after the last file event before rebuilding.
    var debounce: Duration

    package init(root: String = ".", host: String = "127.0.0.1", port: Int = 8000,
                options: BuildOptions = BuildOptions(), debounce: Duration = .milliseconds(30)) {
        self.root = root
        self.host = host
        self.port = port
        self.options = options
        self.debounce = debounce
    }
}
