/// Text made safe to print on a terminal. File names, CSV cells, link targets and other text an
/// author wrote end up in diagnostics; printed raw, an escape sequence in them could recolour the
/// terminal, move the cursor, retitle the window or hide the rest of the line. Every C0 control
/// (U+0000…U+001F, tab and line feed included: a diagnostic is one line), DEL (U+007F) and every C1
/// control (U+0080…U+009F) is written the way Swift writes it in a string literal: ESC as
/// `\u{1B}`, a line feed as `\u{0A}`, CSI as `\u{9B}`. Everything else is printed as it is.
/// Documented in docs/commands.md ("Diagnostics").
package enum TerminalText {
    package static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            if isControl(scalar) {
                result += "\\u{" + hex(scalar.value) + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// C0, DEL and C1 controls.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    /// Two upper-case hex digits (every control is below 0x100).
    private static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return digits.count < 2 ? "0" + digits : digits
    }
}

extension Diagnostic {
    /// `description` with control characters escaped (`TerminalText`): the form printed on a terminal.
    package var printed: String { TerminalText.escaped(description) }
}
