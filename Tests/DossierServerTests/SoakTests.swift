import Foundation
import Testing
@testable import DossierServer

/// Many clients, over loopback: every descriptor the server opens for them is given back.
///
/// `make test` runs small counts; `make soak` sets DOSSIER_SOAK=1 for 5,000 event streams and
/// 1,000 concurrent page requests during rebuilds, and prints descriptors and memory.
@Suite(.serialized) struct SoakTests {
    static let soak = ProcessInfo.processInfo.environment["DOSSIER_SOAK"] == "1"
    static let streams = soak ? 5_000 : 300
    static let pageRequests = soak ? 1_000 : 100
    /// Descriptors other tests of the process may hold open at the moment of counting.
    static let slack = 24

    /// A browser tab closed normally: `shutdown(SHUT_WR)`, then `close`. The server must close
    /// its side at once, not at the next rebuild (it used to stay in CLOSE-WAIT).
    @Test func closedEventStreamsGiveTheirDescriptorsBack() async throws {
        try await serving { _, server in
            try await Self.openAndClose(streams: 8, port: server.port)
            let before = Resources.now()
            try await Self.openAndClose(streams: Self.streams, port: server.port)
            let settled = await eventually(60) {
                Resources.serverConnections(port: server.port) == 0 && Resources.openDescriptors() <= before.descriptors + Self.slack
            }
            let after = Resources.now()
            print("soak: \(Self.streams) event streams opened and closed; descriptors \(before.descriptors) -> \(after.descriptors), "
                  + "VmRSS \(before.residentKB) kB -> \(after.residentKB) kB, server connections left \(Resources.serverConnections(port: server.port))")
            #expect(settled, "descriptors \(before.descriptors) -> \(after.descriptors)")
        }
    }

    /// Pages are answered while the site is rebuilt under them, and their connections closed.
    @Test func concurrentPageRequestsDuringRebuilds() async throws {
        try await serving { site, server in
            _ = try await server.get("/briefs/accord/")
            let before = Resources.now()
            let rebuilds = Task {
                for round in 0..<20 {
                    try site.write("content/briefs/accord.md", "---\ntitle: L'accord\n---\n\nVersion \(round).\n")
                    try await Task.sleep(for: .milliseconds(40))
                }
            }
            let statuses = try await blocking { try Self.concurrentGets(Self.pageRequests, target: "/briefs/accord/", port: server.port) }
            try await rebuilds.value
            let settled = await eventually(60) {
                Resources.serverConnections(port: server.port) == 0 && Resources.openDescriptors() <= before.descriptors + Self.slack
            }
            let after = Resources.now()
            print("soak: \(Self.pageRequests) concurrent page requests during 20 rebuilds; descriptors \(before.descriptors) -> \(after.descriptors), "
                  + "VmRSS \(before.residentKB) kB -> \(after.residentKB) kB")
            #expect(statuses.count == Self.pageRequests)
            #expect(statuses.allSatisfy { $0 == 200 }, "\(Dictionary(grouping: statuses) { $0 }.mapValues(\.count))")
            #expect(settled, "descriptors \(before.descriptors) -> \(after.descriptors)")
        }
    }

    func serving(_ body: (PreviewSite, RunningServer) async throws -> Void) async throws {
        let site = try PreviewSite()
        defer { site.cleanUp() }
        let server = try await RunningServer.start(site)
        do {
            try await body(site, server)
        } catch {
            try? await server.stop()
            throw error
        }
        try await server.stop()
    }

    /// Opens `streams` event streams, 50 at a time; each waits for `hello`, then half-closes
    /// and closes.
    static func openAndClose(streams: Int, port: Int) async throws {
        try await blocking {
            for start in stride(from: 0, to: streams, by: 50) {
                let count = min(50, streams - start)
                let failures = AtomicCount()
                DispatchQueue.concurrentPerform(iterations: count) { _ in
                    do { try openAndCloseOne(port: port) } catch { failures.add() }
                }
                if failures.value > 0 { throw HTTPError("\(failures.value) event streams failed") }
            }
        }
    }

    private static func openAndCloseOne(port: Int) throws {
        let socket = try RawHTTP.connect(port)
        defer { close(socket) }
        try RawHTTP.send(socket, "GET /__dossier/events HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nAccept: text/event-stream\r\n\r\n")
        var received: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while !String(decoding: received, as: UTF8.self).contains("event: hello") {
            let count = chunk.withUnsafeMutableBytes { read(socket, $0.baseAddress, $0.count) }
            guard count > 0 else { throw HTTPError("event stream ended before hello") }
            received += chunk[0..<count]
        }
        shutdown(socket, Int32(SHUT_WR))
    }

    /// Opens `count` connections, sends a request on each, then reads every response: the server
    /// holds them all at once.
    static func concurrentGets(_ count: Int, target: String, port: Int) throws -> [Int] {
        var sockets: [Int32] = []
        defer { for socket in sockets { close(socket) } }
        for _ in 0..<count {
            let socket = try RawHTTP.connect(port)
            sockets.append(socket)
            try RawHTTP.send(socket, "GET \(target) HTTP/1.1\r\nHost: localhost:\(port)\r\nConnection: close\r\n\r\n")
        }
        return try sockets.map { socket in
            var bytes: [UInt8] = []
            var chunk = [UInt8](repeating: 0, count: 65536)
            while true {
                let read = chunk.withUnsafeMutableBytes { Glibc.read(socket, $0.baseAddress, $0.count) }
                if read < 0 { throw HTTPError("read failed: errno \(errno)") }
                if read == 0 { break }
                bytes += chunk[0..<read]
            }
            return RawHTTP.parseHead(bytes)?.0 ?? 0
        }
    }
}

/// Runs blocking socket code off the cooperative threads.
func blocking<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try work() }) }.start()
    }
}

private final class AtomicCount: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func add() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
}

/// What the test process holds, from /proc.
enum Resources {
    struct Snapshot {
        var descriptors: Int
        var residentKB: Int
    }

    static func now() -> Snapshot {
        Snapshot(descriptors: openDescriptors(), residentKB: residentKB())
    }

    static func openDescriptors() -> Int {
        (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").count) ?? -1
    }

    /// VmRSS of /proc/self/status, in kB.
    static func residentKB() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }) else { return -1 }
        return Int(line.split(separator: " ").dropFirst().first ?? "") ?? -1
    }

    /// TCP connections on this machine whose local port is `port` (the server's side), the
    /// listening socket and TIME-WAIT (no descriptor) left out; those in CLOSE-WAIT included.
    static func serverConnections(port: Int) -> Int {
        var count = 0
        for table in ["/proc/self/net/tcp", "/proc/self/net/tcp6"] {
            guard let text = readWhole(table) else { continue }
            for line in text.split(separator: "\n").dropFirst() {
                let fields = line.split(separator: " ")
                guard fields.count > 3, let colon = fields[1].lastIndex(of: ":"),
                      Int(fields[1][fields[1].index(after: colon)...], radix: 16) == port, fields[3] != "0A", fields[3] != "06" else { continue }
                count += 1
            }
        }
        return count
    }

    /// A file of /proc read to its end: they report a size of 0, and `String(contentsOfFile:)`
    /// stops after the first read.
    static func readWhole(_ path: String) -> String? {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { break }
            bytes += chunk[0..<count]
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
