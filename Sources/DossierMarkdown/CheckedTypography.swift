/// `Typography` as the renderer uses it, with its reference beside it when `verify` is set
/// (`DOSSIER_VERIFY=1`): each text is corrected by both, and the first difference is kept for
/// the renderer to report.
struct CheckedTypography {
    private var fast: Typography
    private var reference: ReferenceTypography?
    /// The first text the two corrected differently: the input, the fast and the reference output.
    private(set) var mismatch: (input: String, fast: String, reference: String)?

    init(language: String, verify: Bool) {
        fast = Typography(language: language)
        reference = verify ? ReferenceTypography(language: language) : nil
    }

    var isActive: Bool { fast.isActive }

    /// As `Typography.correct(utf8:into:)`: true when `output` holds a changed text.
    mutating func correct(utf8 input: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) -> Bool {
        let changed = fast.correct(utf8: input, into: &output)
        guard reference != nil else { return changed }
        let text = String(decoding: input, as: UTF8.self)
        let expected = reference?.correct(text) ?? text
        let actual = changed ? String(decoding: output, as: UTF8.self) : text
        if actual != expected, mismatch == nil { mismatch = (text, actual, expected) }
        return changed
    }

    mutating func skip(utf8 text: UnsafeBufferPointer<UInt8>) {
        fast.skip(utf8: text)
        reference?.skip(String(decoding: text, as: UTF8.self))
    }

    mutating func breakLine() {
        fast.breakLine()
        reference?.breakLine()
    }

    mutating func reset() {
        fast.reset()
        reference?.reset()
    }
}
