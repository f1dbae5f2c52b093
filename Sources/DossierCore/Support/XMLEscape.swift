extension String {
    /// Escapes text for XML and HTML element content and attribute values.
    public var xmlEscaped: String {
        var result = ""
        result.reserveCapacity(utf8.count)
        for c in unicodeScalars {
            switch c {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default:
                // Control characters are not allowed in XML 1.0.
                if c.value < 0x20 && c != "\n" && c != "\t" && c != "\r" { continue }
                result.unicodeScalars.append(c)
            }
        }
        return result
    }
}
