import Foundation

/// A message to the pages open in browsers, sent as a server-sent event.
enum ServerEvent: Sendable, Equatable {
    /// Sent first on every connection: the generation of the site being served.
    case hello(generation: Int)
    /// A new build is being served.
    case reload(generation: Int)
    /// The last build failed; each line is a diagnostic, `file:line:col: error: message`.
    case errors([String])

    var name: String {
        switch self {
        case .hello: "hello"
        case .reload: "reload"
        case .errors: "errors"
        }
    }

    /// The event as it goes on the wire: `event: reload\ndata: 3\n\n`.
    var wireFormat: String {
        let data: String
        switch self {
        case .hello(let generation), .reload(let generation):
            data = String(generation)
        case .errors(let lines):
            // A JSON array keeps every line whole: JSON strings escape newlines, so the event's
            // data stays on one `data:` line.
            let json = try? JSONSerialization.data(withJSONObject: lines, options: [.withoutEscapingSlashes])
            data = json.map { String(decoding: $0, as: UTF8.self) } ?? "[]"
        }
        return "event: \(name)\ndata: \(data)\n\n"
    }
}
