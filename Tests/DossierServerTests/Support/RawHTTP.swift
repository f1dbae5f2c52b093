import Foundation
#if canImport(Glibc)
import Glibc
let systemSocket = Glibc.socket
let systemConnect = Glibc.connect
let systemClose = Glibc.close
let streamSocket = Int32(SOCK_STREAM.rawValue)
#elseif canImport(Darwin)
import Darwin
let systemSocket = Darwin.socket
let systemConnect = Darwin.connect
let systemClose = Darwin.close
let streamSocket = SOCK_STREAM
#endif

/// A deliberately plain HTTP/1.1 client over a socket: the request target goes on the wire
/// exactly as written (no client-side normalisation of `..` or `%2e`), which the traversal tests
/// need.
enum RawHTTP {
    struct Response: Sendable {
        var status: Int
        /// Lowercased names.
        var headers: [String: String]
        var body: String
    }

    /// - Parameter host: the `Host` header, `127.0.0.1:port` when nil; none at all when empty.
    static func get(_ port: Int, _ target: String, method: String = "GET", host: String? = nil) async throws -> Response {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try fetch(port, target, method: method, host: host) })
            }
        }
    }

    private static func fetch(_ port: Int, _ target: String, method: String, host: String?) throws -> Response {
        let socket = try connect(port)
        defer { close(socket) }
        let hostLine = host.map { $0.isEmpty ? "" : "Host: \($0)\r\n" } ?? "Host: 127.0.0.1:\(port)\r\n"
        try send(socket, "\(method) \(target) HTTP/1.1\r\n\(hostLine)Connection: close\r\n\r\n")
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(socket, $0.baseAddress, $0.count) }
            if count < 0 { throw HTTPError("read failed: errno \(errno)") }
            if count == 0 { break }
            bytes += chunk[0..<count]
        }
        guard let (status, headers, bodyStart) = parseHead(bytes) else { throw HTTPError("no response head") }
        var body = Array(bytes[bodyStart...])
        if headers["transfer-encoding"]?.contains("chunked") == true {
            var decoder = ChunkDecoder()
            body = decoder.feed(body)
        }
        return Response(status: status, headers: headers, body: String(decoding: body, as: UTF8.self))
    }

    static func connect(_ port: Int) throws -> Int32 {
        let socket = systemSocket(AF_INET, streamSocket, 0)
        guard socket >= 0 else { throw HTTPError("socket failed") }
        var timeout = timeval(tv_sec: 30, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { systemConnect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else {
            close(socket)
            throw HTTPError("connect to port \(port) failed: errno \(errno)")
        }
        return socket
    }

    static func send(_ socket: Int32, _ text: String) throws {
        let bytes = Array(text.utf8)
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { write(socket, $0.baseAddress, $0.count) }
            guard count > 0 else { throw HTTPError("write failed") }
            sent += count
        }
    }

    /// Status, lowercased headers and the offset of the body, once the head is complete.
    static func parseHead(_ bytes: [UInt8]) -> (Int, [String: String], Int)? {
        let separator: [UInt8] = Array("\r\n\r\n".utf8)
        guard bytes.count >= 4, let end = (0...(bytes.count - 4)).first(where: { Array(bytes[$0..<($0 + 4)]) == separator }) else { return nil }
        let lines = String(decoding: bytes[0..<end], as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = lines[0].split(separator: " ")
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else { return nil }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return (status, headers, end + 4)
    }
}

struct HTTPError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Decodes `Transfer-Encoding: chunked` as bytes arrive.
struct ChunkDecoder {
    private var buffer: [UInt8] = []
    private var remaining: Int?  // bytes left in the current chunk (plus its CRLF)

    mutating func feed(_ bytes: [UInt8]) -> [UInt8] {
        buffer += bytes
        var output: [UInt8] = []
        while true {
            if let left = remaining {
                if left > 2 {
                    let take = min(left - 2, buffer.count)
                    if take == 0 { break }
                    output += buffer[0..<take]
                    buffer.removeFirst(take)
                    remaining = left - take
                } else {
                    guard buffer.count >= left else { break }
                    buffer.removeFirst(left)
                    remaining = nil
                }
            } else {
                guard let lineEnd = (0..<max(buffer.count - 1, 0)).first(where: { buffer[$0] == 13 && buffer[$0 + 1] == 10 }) else { break }
                let sizeText = String(decoding: buffer[0..<lineEnd], as: UTF8.self).split(separator: ";").first ?? ""
                buffer.removeFirst(lineEnd + 2)
                guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16) else { break }
                if size == 0 { break }
                remaining = size + 2
            }
        }
        return output
    }
}
