import Foundation

/// Finds and starts `dossier-serve`, the preview server, which lives beside `dossier`.
enum PreviewProgram {
    static let name = "dossier-serve"

    /// The running program's own path (`/proc/self/exe` on Linux).
    static var ownPath: String? {
        if let resolved = realpath("/proc/self/exe", nil) {
            defer { free(resolved) }
            return String(cString: resolved)
        }
        return CommandLine.arguments.first.flatMap { $0.contains("/") ? $0 : nil }
    }

    /// `dossier-serve` beside this program, or on `PATH`; in a SwiftPM build folder of a clone of
    /// Dossier, built on first use.
    static func locate(console: Console) -> String? {
        let manager = FileManager()
        guard let own = ownPath else { return nil }
        let folder = (own as NSString).deletingLastPathComponent
        let beside = (folder as NSString).appendingPathComponent(name)
        if manager.isExecutableFile(atPath: beside) { return beside }
        if let checkout = swiftPMCheckout(of: folder) {
            console.out("Building the preview server dossier-serve (first use only)…")
            if build(in: checkout.package, configuration: checkout.configuration), manager.isExecutableFile(atPath: beside) {
                return beside
            }
            return nil
        }
        for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let candidate = (String(directory) as NSString).appendingPathComponent(name)
            if manager.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// For a program in `PACKAGE/.build/<triple>/<configuration>/`, the package and configuration.
    static func swiftPMCheckout(of folder: String) -> (package: String, configuration: String)? {
        let parts = folder.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard let build = parts.lastIndex(of: ".build"), build > 0, build + 1 < parts.count else { return nil }
        let package = parts[..<build].joined(separator: "/")
        guard FileManager().fileExists(atPath: package + "/Package.swift"),
              let configuration = parts.last, ["debug", "release"].contains(configuration) else { return nil }
        return (package, configuration)
    }

    static func build(in package: String, configuration: String) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["swift", "build", "--package-path", package, "-c", configuration, "--product", name]
        do {
            try process.run()
            process.waitUntilExit()
            return process.terminationStatus == 0
        } catch {
            return false
        }
    }

    /// Replaces this process with the server, so that Ctrl-C and signals reach it directly.
    static func exec(_ path: String, arguments: [String], console: Console) -> Int32 {
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        execv(path, argv)
        console.err("error: cannot start \(path): \(String(cString: strerror(errno)))")
        return ExitStatus.usage
    }
}
