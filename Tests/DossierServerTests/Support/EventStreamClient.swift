import Foundation

/// A server-sent event.
struct SSEEvent: Sendable, Equatable {
    var name: String
    var data: String
}

/// Listens on `/__dossier/events` from a thread and keeps every event received.
final class EventStreamClient: @unchecked Sendable {
    private let lock = NSLock()
    private var events: [SSEEvent] = []
    private var ended = false
    private var status: Int?
    private var cursor = 0
    private let socket: Int32

    init(port: Int, since: Int? = nil) throws {
        socket = try RawHTTP.connect(port)
        var timeout = timeval(tv_sec: 1, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let query = since.map { "?since=\($0)" } ?? ""
        try RawHTTP.send(socket, "GET /__dossier/events\(query) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nAccept: text/event-stream\r\n\r\n")
        let thread = Thread { [self] in self.readLoop() }
        thread.start()
    }

    var isEnded: Bool { lock.withLock { ended } }
    var all: [SSEEvent] { lock.withLock { events } }

    /// The next event (after those already returned) named `name`; nil after the timeout.
    func next(_ name: String? = nil, timeout: Double = 30) async -> SSEEvent? {
        let deadline = ContinuousClock.now + .seconds(timeout)
        while ContinuousClock.now < deadline {
            let found: SSEEvent? = lock.withLock {
                while cursor < events.count {
                    let event = events[cursor]
                    cursor += 1
                    if name == nil || event.name == name { return event }
                }
                return nil
            }
            if let found { return found }
            if isEnded && lock.withLock({ cursor >= events.count }) { return nil }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return nil
    }

    func close() {
        shutdown(socket, Int32(SHUT_RDWR))
    }

    private func readLoop() {
        var raw: [UInt8] = []
        var headDone = false
        var chunked = false
        var decoder = ChunkDecoder()
        var text = ""
        var chunk = [UInt8](repeating: 0, count: 16384)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(socket, $0.baseAddress, $0.count) }
            if count < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) { continue }
            if count <= 0 { break }
            var body = Array(chunk[0..<count])
            if !headDone {
                raw += body
                guard let (status, headers, start) = RawHTTP.parseHead(raw) else { continue }
                headDone = true
                chunked = headers["transfer-encoding"]?.contains("chunked") == true
                lock.withLock { self.status = status }
                body = Array(raw[start...])
            }
            let decoded = chunked ? decoder.feed(body) : body
            text += String(decoding: decoded, as: UTF8.self)
            while let end = text.range(of: "\n\n") {
                let block = String(text[..<end.lowerBound])
                text = String(text[end.upperBound...])
                if let event = Self.parse(block) {
                    lock.withLock { events.append(event) }
                }
            }
        }
        _ = systemClose(socket)
        lock.withLock { ended = true }
    }

    private static func parse(_ block: String) -> SSEEvent? {
        var name = "message"
        var data: [String] = []
        var any = false
        for line in block.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("event:") {
                name = line.dropFirst(6).trimmingCharacters(in: .whitespaces)
                any = true
            } else if line.hasPrefix("data:") {
                var value = line.dropFirst(5)
                if value.first == " " { value = value.dropFirst() }
                data.append(String(value))
                any = true
            }
        }
        return any ? SSEEvent(name: name, data: data.joined(separator: "\n")) : nil
    }
}
