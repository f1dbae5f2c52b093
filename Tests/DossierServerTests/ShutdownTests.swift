import Foundation
import Testing
@testable import DossierServer

@Suite struct ShutdownTests {
    @Test func gracefulShutdownEndsOpenEventStreamsAndReturns() async throws {
        let site = try PreviewSite()
        defer { site.cleanUp() }
        let server = try await RunningServer.start(site)
        let events = try await server.events()
        try await server.stop()  // throws if the server does not return
        #expect(await eventually { events.isEnded }, "the event stream was closed")
        #expect(server.output.text.hasSuffix("Stopped."))
        #expect(throws: (any Error).self, "nothing listens any more") { _ = try RawHTTP.connect(server.port) }
    }

    @Test func cancellingTheTaskStopsTheServer() async throws {
        let site = try PreviewSite()
        defer { site.cleanUp() }
        let server = try await RunningServer.start(site)
        let events = try await server.events()
        server.task.cancel()
        let task = server.task
        _ = try await withTimeout(30, "the cancelled server to return") { await task.result }
        #expect(await eventually { events.isEnded })
    }

    /// The `dossier` tool beside the test bundle (`swift build --build-tests` builds both).
    static let dossier: String? = {
        let bundle = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        let candidate = bundle.appendingPathComponent("dossier").path
        return FileManager.default.isExecutableFile(atPath: candidate) ? candidate : nil
    }()

    @Test(.enabled(if: dossier != nil, "needs the dossier executable beside the tests"))
    func sigintStopsDossierServeWithStatusZero() async throws {
        let site = try PreviewSite()
        defer { site.cleanUp() }
        let outputPath = (site.parent as NSString).appendingPathComponent("serve.out")
        _ = FileManager.default.createFile(atPath: outputPath, contents: nil)
        let output = try FileHandle(forWritingTo: URL(fileURLWithPath: outputPath))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(Self.dossier))
        process.arguments = ["serve", "--root", site.root, "--port", "0"]
        process.standardOutput = output
        process.standardError = output
        try process.run()
        defer { if process.isRunning { process.terminate() } }

        let pattern = try Regex(#"Serving http://127\.0\.0\.1:(\d+)/"#)
        var port: Int?
        let listening = await eventually(60) {
            let text = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
            if let match = text.firstMatch(of: pattern), let number = match.output[1].substring.flatMap({ Int($0) }) {
                port = number
            }
            return port != nil
        }
        #expect(listening, "the server started: \((try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "")")
        let events = try EventStreamClient(port: try #require(port))
        #expect(await events.next("hello") != nil)
        #expect(try await RawHTTP.get(port!, "/").status == 200)

        kill(process.processIdentifier, SIGINT)
        let exited = await eventually(30) { !process.isRunning }
        #expect(exited, "dossier serve stopped on SIGINT")
        if exited {
            #expect(process.terminationReason == .exit)
            #expect(process.terminationStatus == 0)
        }
        #expect(await eventually { events.isEnded })
        try output.close()
        let text = try String(contentsOfFile: outputPath, encoding: .utf8)
        #expect(text.contains("Stopped."), "\(text)")
    }
}
