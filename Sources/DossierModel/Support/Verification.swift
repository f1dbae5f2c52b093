/// What `DOSSIER_VERIFY=1` reports when a fast path and its reference disagree
/// (`BuildOptions.verify`).
package enum Verification {
    /// Reads with `reference` what a fast reader read as `fast`; a different value, or any
    /// diagnostic of the reference (the fast readers take only what it reads without one), is an
    /// error at `file`:`line`.
    package static func check<Value: Equatable>(_ what: String, fast: Value, file: String, line: Int, diagnostics: inout Diagnostics,
                                        reference: (inout Diagnostics) -> Value?) {
        var found = Diagnostics()
        let expected = reference(&found)
        guard expected != fast || !found.items.isEmpty else { return }
        diagnostics.error(mismatch(what, fast: fast, reference: expected, diagnostics: found), file: file, line: line, column: 1)
    }

    static func mismatch<Value>(_ what: String, fast: Value, reference: Value?, diagnostics: Diagnostics) -> String {
        var message = "DOSSIER_VERIFY: the fast reader of this \(what) disagrees with the YAML parser; "
            + "fast: \(fast); YAML: \(reference.map { "\($0)" } ?? "nothing")"
        if !diagnostics.items.isEmpty {
            message += "; YAML reported: " + diagnostics.items.map(\.message).joined(separator: " | ")
        }
        return message + " (a bug in Dossier: please report it with this page)"
    }

    /// A fast path that is not a reader (typography, link paths, the HTML escaper) and its
    /// reference gave different results for the same input.
    package static func disagreement<Value>(_ what: String, fast: Value, reference: Value) -> String {
        "DOSSIER_VERIFY: the fast \(what) disagrees with its reference; fast: \(String(reflecting: fast)); "
            + "reference: \(String(reflecting: reference)) (a bug in Dossier: please report it with this page)"
    }
}
