/// The `Host` names the preview answers to, against DNS rebinding: a web page on a name its
/// owner later points at 127.0.0.1 could otherwise read the preview from the browser, as the
/// same origin. Such a request carries the attacker's name in `Host`, which is refused.
///
/// Answered: `localhost`, `127.0.0.1` and `[::1]`, with any port, and the `--host` the server
/// listens on. When it listens on every interface (`0.0.0.0`, `::`), any IP address is answered
/// too: a rebinding needs a name, never an address.
struct AllowedHosts: Sendable {
    private let names: Set<String>
    private let anyAddress: Bool

    init(listeningOn host: String) {
        let listening = Self.bracketed(host.lowercased())
        names = ["localhost", "127.0.0.1", "[::1]", listening]
        anyAddress = ["0.0.0.0", "[::]", "[0:0:0:0:0:0:0:0]"].contains(listening)
    }

    /// Whether a request whose `Host` is `authority` (`name` or `name:port`) is answered.
    func allows(_ authority: String?) -> Bool {
        guard let authority, let name = Self.hostname(of: authority) else { return false }
        if names.contains(name) { return true }
        return anyAddress && Self.isAddress(name)
    }

    /// The lowercased name of `name[:port]` or `[v6][:port]`; nil when malformed.
    static func hostname(of authority: String) -> String? {
        let text = authority.lowercased()
        let name: Substring, port: Substring?
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else { return nil }
            name = text[...close]
            let rest = text[text.index(after: close)...]
            guard rest.isEmpty || rest.hasPrefix(":") else { return nil }
            port = rest.isEmpty ? nil : rest.dropFirst()
        } else {
            let parts = text.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count <= 2 else { return nil }
            name = parts[0]
            port = parts.count == 2 ? parts[1] : nil
        }
        if let port, port.isEmpty || !port.allSatisfy(\.isASCIIDigit) { return nil }
        return name.isEmpty ? nil : String(name)
    }

    /// An IPv4 address in dotted decimal, or a bracketed IPv6 address.
    static func isAddress(_ name: String) -> Bool {
        if name.hasPrefix("[") {
            return name.hasSuffix("]") && name.dropFirst().dropLast().allSatisfy { $0.isHexDigit || $0 == ":" || $0 == "." }
        }
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { !$0.isEmpty && $0.count <= 3 && $0.allSatisfy(\.isASCIIDigit) && Int($0).map { $0 <= 255 } == true }
    }

    /// `::1` → `[::1]`: an IPv6 address as it appears in `Host`.
    private static func bracketed(_ host: String) -> String {
        host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
    }
}

private extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
