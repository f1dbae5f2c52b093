import Foundation
import Hummingbird
import ServiceLifecycle
import DossierModel
import DossierCharts

/// Answers every request of `dossier serve`: the event stream at `/__dossier/events`, and the
/// files of the in-memory site for everything else (GET and HEAD only).
///
/// Only keys of the site's dictionary are ever served. A `.copy(from:)` file is read from the
/// path the build recorded, and only if that path, links resolved, is still inside the project.
/// Only requests for a `Host` of `AllowedHosts` are answered.
struct PreviewResponder: HTTPResponder {
    typealias Context = PreviewContext

    let state: PreviewState
    /// The project root with links resolved.
    let realRoot: String
    let hosts: AllowedHosts

    init(state: PreviewState, root: String, hosts: AllowedHosts) {
        self.state = state
        self.realRoot = Self.realPath(root) ?? root
        self.hosts = hosts
    }

    func respond(to request: Request, context: Context) async throws -> Response {
        guard hosts.allows(request.head.authority) else {
            return Self.plain(.misdirectedRequest, "This server answers only to localhost, 127.0.0.1 and [::1] (and its --host): not to the name in this request's Host header.\n")
        }
        guard request.method == .get || request.method == .head else {
            var response = Self.plain(.methodNotAllowed, "Only GET and HEAD are served.\n")
            response.headers[.allow] = "GET, HEAD"
            return response
        }
        let target = request.head.path ?? "/"
        if Self.path(of: target) == LiveReloadScript.eventsPath {
            guard request.method == .get else { return Self.eventStreamHead() }
            return events(since: Self.since(in: target), peer: await PeerCloseHandler.peer(of: context.channel))
        }
        let response = file(target)
        return request.method == .head ? response.createHeadResponse() : response
    }

    // MARK: - Site files

    private func file(_ target: String) -> Response {
        let snapshot = state.current
        guard let site = snapshot.site else {
            return Self.buildFailedPage(snapshot.errors, generation: snapshot.generation)
        }
        switch RequestPath.resolve(target, exists: { site.files[$0] != nil }) {
        case .file(let key):
            guard let body = body(of: key, in: site, generation: snapshot.generation) else {
                return notFound(site, generation: snapshot.generation)
            }
            return Self.response(.ok, type: ContentTypes.forPath(key), bytes: body)
        case .redirect(let location):
            var response = Self.plain(.movedPermanently, "Moved to \(location)\n")
            response.headers[.location] = location
            return response
        case .notFound:
            return notFound(site, generation: snapshot.generation)
        case .badRequest:
            return Self.plain(.badRequest, "Bad request: the path must be plain segments, without \"..\", encoded slashes, backslashes or control characters.\n")
        }
    }

    private func body(of key: String, in site: RenderedSite, generation: Int) -> [UInt8]? {
        switch site.files[key] {
        case .text(let text)?:
            let served = ContentTypes.isHTML(key) ? LiveReloadScript.inject(into: text, generation: generation) : text
            return Array(served.utf8)
        case .utf8(let bytes)?:
            // `serve` builds its pages as text; bytes are served as they are, with the script.
            guard ContentTypes.isHTML(key) else { return bytes }
            return Array(LiveReloadScript.inject(into: String(decoding: bytes, as: UTF8.self), generation: generation).utf8)
        case .copy(let source)?:
            guard let real = Self.realPath(source), isInsideRoot(real),
                  let data = FileManager.default.contents(atPath: real) else { return nil }
            return [UInt8](data)
        case nil:
            return nil
        }
    }

    private func notFound(_ site: RenderedSite, generation: Int) -> Response {
        guard let page = site.files["404.html"]?.text else {
            return Self.plain(.notFound, "Not found.\n")
        }
        let html = LiveReloadScript.inject(into: page, generation: generation)
        return Self.response(.notFound, type: ContentTypes.forPath("404.html"), bytes: Array(html.utf8))
    }

    private func isInsideRoot(_ real: String) -> Bool {
        real.hasPrefix(realRoot.hasSuffix("/") ? realRoot : realRoot + "/")
    }

    /// Shown for every page until a first build succeeds; the script turns it into the
    /// overlay and reloads once the build is fixed.
    private static func buildFailedPage(_ errors: [String], generation: Int) -> Response {
        let items = errors.map { "<li>\(escapeHTML($0))</li>" }.joined()
        let html = """
        <!doctype html>
        <html><head><meta charset="utf-8"><title>dossier: the build failed</title></head>
        <body><h1>The build failed</h1><p>Fix the files below and save: this page reloads by itself.</p><ul>\(items)</ul></body></html>
        """
        let page = LiveReloadScript.inject(into: html, generation: generation)
        return response(.serviceUnavailable, type: ContentTypes.forPath("index.html"), bytes: Array(page.utf8))
    }

    // MARK: - Events

    /// The stream ends when the server shuts down, and when the client closes its side of the
    /// connection (`peer`), which it would otherwise notice only at the next event.
    private func events(since: Int?, peer: PeerClosing?) -> Response {
        let state = self.state
        let body = ResponseBody { writer in
            let (id, events) = state.listen(since: since)
            defer { state.stopListening(id) }
            peer?.onClose { state.stopListening(id) }
            try await withTaskCancellationHandler {
                // The server waits for open responses before it stops: end this one when the
                // server is asked to shut down.
                try await withGracefulShutdownHandler {
                    try await writer.write(ByteBuffer(string: "retry: 1000\n\n"))
                    for await event in events {
                        try await writer.write(ByteBuffer(string: event.wireFormat))
                    }
                    try await writer.finish(nil)
                } onGracefulShutdown: {
                    state.stopListening(id)
                }
            } onCancel: {
                state.stopListening(id)
            }
        }
        return Response(status: .ok, headers: Self.eventStreamHeaders, body: body)
    }

    private static let eventStreamHeaders: HTTPFields = [
        .contentType: "text/event-stream; charset=utf-8",
        .cacheControl: "no-store",
    ]

    private static func eventStreamHead() -> Response {
        Response(status: .ok, headers: eventStreamHeaders)
    }

    // MARK: - Helpers

    private static func response(_ status: HTTPResponse.Status, type: String, bytes: [UInt8]) -> Response {
        var headers: HTTPFields = [.contentType: type, .cacheControl: "no-store"]
        headers[.init("X-Content-Type-Options")!] = "nosniff"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    private static func plain(_ status: HTTPResponse.Status, _ text: String) -> Response {
        response(status, type: "text/plain; charset=utf-8", bytes: Array(text.utf8))
    }

    /// The path part of a request target.
    static func path(of target: String) -> Substring {
        target.prefix { $0 != "?" && $0 != "#" }
    }

    /// `since=3` in the query: the generation of the page that listens.
    static func since(in target: String) -> Int? {
        guard let mark = target.firstIndex(of: "?") else { return nil }
        for pair in target[target.index(after: mark)...].split(separator: "&") where pair.hasPrefix("since=") {
            return Int(pair.dropFirst("since=".count))
        }
        return nil
    }

    static func escapeHTML(_ text: String) -> String {
        text.xmlEscaped
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
