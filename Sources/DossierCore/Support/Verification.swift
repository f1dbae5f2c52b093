/// What `DOSSIER_VERIFY=1` reports when a fast path and its reference disagree
/// (`BuildOptions.verify`).
enum Verification {
    static func mismatch<Value>(_ what: String, fast: Value, reference: Value?, diagnostics: Diagnostics) -> String {
        var message = "DOSSIER_VERIFY: the fast reader of this \(what) disagrees with the YAML parser; "
            + "fast: \(fast); YAML: \(reference.map { "\($0)" } ?? "nothing")"
        if !diagnostics.items.isEmpty {
            message += "; YAML reported: " + diagnostics.items.map(\.message).joined(separator: " | ")
        }
        return message + " (a bug in Dossier: please report it with this page)"
    }
}
