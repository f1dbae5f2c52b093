import Foundation

/// The pixel size of an image, read from its header (PNG, JPEG, GIF, WebP, SVG).
///
/// The kind of image is told by its leading bytes, never by a file name, and only the header is
/// read: the rest of the file may be missing or damaged. A width or height of zero, below zero or
/// above a million is taken as a damaged header.
///
/// A JPEG reads as its stored pixels: an EXIF orientation that turns the picture a quarter turn is
/// not applied, so such a photo reads with width and height swapped relative to how a browser shows it.
package struct ImageSize: Sendable, Equatable {
    /// Width in pixels.
    package var width: Int
    /// Height in pixels.
    package var height: Int

    /// A size as given, unchecked.
    package init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    /// Nil when the bytes are not an image of a known kind, or the header is cut short or malformed. Never traps, whatever the bytes.
    package static func read(_ bytes: [UInt8]) -> ImageSize? {
        let header = HeaderBytes(bytes)
        if header.matches(HeaderBytes.pngSignature, at: 0) { return readPNG(header) }
        if header.matches(Array("GIF87a".utf8), at: 0) || header.matches(Array("GIF89a".utf8), at: 0) {
            return readGIF(header)
        }
        if header.matches([0xFF, 0xD8], at: 0) { return readJPEG(header) }
        if header.matches(Array("RIFF".utf8), at: 0) && header.matches(Array("WEBP".utf8), at: 8) {
            return readWebP(header)
        }
        return SVGHeader.read(bytes)
    }

    /// The largest width or height taken as real.
    static let maximumSide = 1_000_000

    /// The size when both sides are in 1...`maximumSide`, else nil.
    static func checked<Side: BinaryInteger>(width: Side, height: Side) -> ImageSize? {
        guard width > 0, height > 0, width <= maximumSide, height <= maximumSide else { return nil }
        return ImageSize(width: Int(width), height: Int(height))
    }

    /// The size rounded to the nearest whole pixels, when both sides are then in 1...`maximumSide`.
    static func checked(width: Double, height: Double) -> ImageSize? {
        let width = width.rounded(), height = height.rounded()
        guard width.isFinite, height.isFinite, width >= 1, height >= 1 else { return nil }
        guard width <= Double(maximumSide), height <= Double(maximumSide) else { return nil }
        return ImageSize(width: Int(width), height: Int(height))
    }
}

// MARK: - PNG and GIF

extension ImageSize {
    /// PNG: the IHDR chunk comes first, 13 bytes long, width then height as big-endian 32-bit numbers.
    static func readPNG(_ header: HeaderBytes) -> ImageSize? {
        guard header.uint32BE(at: 8) == 13, header.matches(Array("IHDR".utf8), at: 12),
              let width = header.uint32BE(at: 16), let height = header.uint32BE(at: 20) else { return nil }
        return checked(width: width, height: height)
    }

    /// GIF: the logical screen's width then height, little-endian 16-bit numbers after the 6-byte signature.
    static func readGIF(_ header: HeaderBytes) -> ImageSize? {
        guard let width = header.uint16LE(at: 6), let height = header.uint16LE(at: 8) else { return nil }
        return checked(width: width, height: height)
    }
}

// MARK: - JPEG

extension ImageSize {
    /// JPEG: the markers after SOI are walked, segment by segment, up to the first start of frame.
    ///
    /// Nil at the start of scan or end of image before any frame, at a byte where a marker should be
    /// and is not, or when a segment runs past the end of the bytes.
    static func readJPEG(_ header: HeaderBytes) -> ImageSize? {
        var position = 2
        while let (marker, markerPosition) = nextJPEGMarker(header, from: position) {
            if isStandaloneJPEGMarker(marker) {
                position = markerPosition + 1
                continue
            }
            guard marker != 0xDA, marker != 0xD9, marker != 0x00,
                  let length = header.uint16BE(at: markerPosition + 1), length >= 2 else { return nil }
            if isJPEGStartOfFrame(marker) { return readJPEGFrame(header, at: markerPosition + 1, length: length) }
            position = markerPosition + 1 + Int(length)
        }
        return nil
    }

    /// The marker at `position` (an FF, any fill FFs, then the marker byte) and where its byte is.
    static func nextJPEGMarker(_ header: HeaderBytes, from position: Int) -> (marker: UInt8, position: Int)? {
        guard header.byte(at: position) == 0xFF else { return nil }
        var markerPosition = position + 1
        while header.byte(at: markerPosition) == 0xFF { markerPosition += 1 }
        guard let marker = header.byte(at: markerPosition) else { return nil }
        return (marker, markerPosition)
    }

    /// Markers with no length and no segment: RST0 to RST7 and TEM.
    static func isStandaloneJPEGMarker(_ marker: UInt8) -> Bool {
        (0xD0...0xD7).contains(marker) || marker == 0x01
    }

    /// SOF0 to SOF15, less DHT (C4), JPG (C8) and DAC (CC), which share the range.
    static func isJPEGStartOfFrame(_ marker: UInt8) -> Bool {
        (0xC0...0xCF).contains(marker) && marker != 0xC4 && marker != 0xC8 && marker != 0xCC
    }

    /// A start-of-frame segment from its length field: precision, height, width and component count
    /// must lie inside both the segment and the bytes.
    static func readJPEGFrame(_ header: HeaderBytes, at lengthPosition: Int, length: UInt16) -> ImageSize? {
        guard length >= 8, header.byte(at: lengthPosition + 7) != nil,
              let height = header.uint16BE(at: lengthPosition + 3),
              let width = header.uint16BE(at: lengthPosition + 5) else { return nil }
        return checked(width: width, height: height)
    }
}

// MARK: - WebP

extension ImageSize {
    /// WebP: the first chunk after the RIFF header tells the kind: VP8 (lossy), VP8L (lossless) or VP8X (extended).
    static func readWebP(_ header: HeaderBytes) -> ImageSize? {
        if header.matches(Array("VP8 ".utf8), at: 12) { return readWebPLossy(header) }
        if header.matches(Array("VP8L".utf8), at: 12) { return readWebPLossless(header) }
        if header.matches(Array("VP8X".utf8), at: 12) { return readWebPExtended(header) }
        return nil
    }

    /// VP8: a 3-byte frame tag, the start code 9D 01 2A, then 14-bit width and height (little-endian,
    /// the top two bits of each being a scale).
    static func readWebPLossy(_ header: HeaderBytes) -> ImageSize? {
        guard header.matches([0x9D, 0x01, 0x2A], at: 23),
              let width = header.uint16LE(at: 26), let height = header.uint16LE(at: 28) else { return nil }
        return checked(width: width & 0x3FFF, height: height & 0x3FFF)
    }

    /// VP8L: the signature 2F, then 32 little-endian bits: width − 1 (14 bits), height − 1 (14 bits),
    /// an alpha flag and a 3-bit version that must be 0.
    static func readWebPLossless(_ header: HeaderBytes) -> ImageSize? {
        guard header.byte(at: 20) == 0x2F, let bits = header.uint32LE(at: 21), bits >> 29 == 0 else { return nil }
        return checked(width: (bits & 0x3FFF) + 1, height: ((bits >> 14) & 0x3FFF) + 1)
    }

    /// VP8X: after 4 bytes of flags, the canvas width − 1 and height − 1 as little-endian 24-bit numbers.
    static func readWebPExtended(_ header: HeaderBytes) -> ImageSize? {
        guard let width = header.uint24LE(at: 24), let height = header.uint24LE(at: 27) else { return nil }
        return checked(width: width + 1, height: height + 1)
    }
}

// MARK: - Bytes

extension ImageSize {
    /// Bounds-checked reads of numbers from an image header: nil past the end, never a trap.
    struct HeaderBytes {
        /// The eight bytes every PNG starts with.
        static let pngSignature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

        let bytes: [UInt8]

        init(_ bytes: [UInt8]) {
            self.bytes = bytes
        }

        /// The byte at `index`, nil outside the bytes.
        func byte(at index: Int) -> UInt8? {
            bytes.indices.contains(index) ? bytes[index] : nil
        }

        /// Whether `expected` is found at `index`, whole.
        func matches(_ expected: [UInt8], at index: Int) -> Bool {
            guard index >= 0, bytes.count - index >= expected.count else { return false }
            return bytes[index..<(index + expected.count)].elementsEqual(expected)
        }

        /// `count` bytes from `index` as an unsigned number, most significant byte first or last.
        func unsigned(at index: Int, count: Int, bigEndian: Bool) -> UInt32? {
            guard index >= 0, count <= 4, bytes.count - index >= count else { return nil }
            var value: UInt32 = 0
            for offset in 0..<count {
                let byte = bytes[index + (bigEndian ? offset : count - 1 - offset)]
                value = value << 8 | UInt32(byte)
            }
            return value
        }

        /// A big-endian 16-bit number at `index`.
        func uint16BE(at index: Int) -> UInt16? {
            unsigned(at: index, count: 2, bigEndian: true).map { UInt16(truncatingIfNeeded: $0) }
        }

        /// A little-endian 16-bit number at `index`.
        func uint16LE(at index: Int) -> UInt16? {
            unsigned(at: index, count: 2, bigEndian: false).map { UInt16(truncatingIfNeeded: $0) }
        }

        /// A little-endian 24-bit number at `index`.
        func uint24LE(at index: Int) -> UInt32? { unsigned(at: index, count: 3, bigEndian: false) }

        /// A big-endian 32-bit number at `index`.
        func uint32BE(at index: Int) -> UInt32? { unsigned(at: index, count: 4, bigEndian: true) }

        /// A little-endian 32-bit number at `index`.
        func uint32LE(at index: Int) -> UInt32? { unsigned(at: index, count: 4, bigEndian: false) }
    }
}

// MARK: - SVG

extension ImageSize {
    /// The size of an SVG image from its root element: `width` and `height` when both are plain numbers
    /// or pixels, else the last two numbers of `viewBox`. Only the first 4 KB are read.
    ///
    /// Before the root element may come a byte order mark, white space, processing instructions such as
    /// `<?xml …?>`, comments and a `<!DOCTYPE …>`; any other element first and the text is not an SVG image.
    struct SVGHeader {
        /// How much of the text is read.
        static let window = 4096

        let text: ArraySlice<UInt8>
        var position: Int

        /// The size, or nil when the text is not an SVG image whose root element gives one.
        static func read(_ bytes: [UInt8]) -> ImageSize? {
            var scanner = SVGHeader(text: bytes.prefix(window), position: 0)
            guard scanner.skipProlog(), let attributes = scanner.readAttributes() else { return nil }
            return size(from: attributes)
        }

        /// The size given by the root element's attributes.
        static func size(from attributes: [String: ArraySlice<UInt8>]) -> ImageSize? {
            if let width = attributes["width"].flatMap(pixelLength), let height = attributes["height"].flatMap(pixelLength) {
                return ImageSize.checked(width: width, height: height)
            }
            guard let viewBox = attributes["viewBox"].flatMap(numberList), viewBox.count == 4 else { return nil }
            return ImageSize.checked(width: viewBox[2], height: viewBox[3])
        }

        // MARK: Prolog and root element

        /// Moves past everything before the root element and its `<svg` name; false when the root is not `svg`
        /// or the prolog is cut short.
        mutating func skipProlog() -> Bool {
            if starts(with: [0xEF, 0xBB, 0xBF]) { position += 3 }
            while true {
                skipWhitespace()
                if starts(with: Array("<?".utf8)) {
                    guard skip(past: Array("?>".utf8)) else { return false }
                } else if starts(with: Array("<!--".utf8)) {
                    guard skip(past: Array("-->".utf8)) else { return false }
                } else if starts(with: Array("<!DOCTYPE".utf8)) {
                    guard skipDoctype() else { return false }
                } else {
                    return skipSVGName()
                }
            }
        }

        /// Moves past `<svg` when the name ends there (white space, `>` or `/` next).
        mutating func skipSVGName() -> Bool {
            guard starts(with: Array("<svg".utf8)), let next = byte(at: position + 4) else { return false }
            guard Self.isWhitespace(next) || next == UInt8(ascii: ">") || next == UInt8(ascii: "/") else { return false }
            position += 4
            return true
        }

        /// Moves past a document type declaration, internal subset in brackets and quoted text included.
        mutating func skipDoctype() -> Bool {
            var depth = 0
            position += 2
            while let current = byte(at: position) {
                position += 1
                switch current {
                case UInt8(ascii: "\""), UInt8(ascii: "'"):
                    guard skip(past: [current]) else { return false }
                case UInt8(ascii: "["): depth += 1
                case UInt8(ascii: "]"): depth -= 1
                case UInt8(ascii: ">") where depth <= 0: return true
                default: break
                }
            }
            return false
        }

        /// The root element's attributes up to its `>` or `/>` (the first of a repeated name kept);
        /// nil when the tag is malformed or does not end in the window.
        mutating func readAttributes() -> [String: ArraySlice<UInt8>]? {
            var attributes: [String: ArraySlice<UInt8>] = [:]
            while true {
                skipWhitespace()
                guard let current = byte(at: position) else { return nil }
                if current == UInt8(ascii: ">") { return attributes }
                if current == UInt8(ascii: "/") { return byte(at: position + 1) == UInt8(ascii: ">") ? attributes : nil }
                guard let (name, value) = readAttribute() else { return nil }
                if attributes[name] == nil { attributes[name] = value }
            }
        }

        /// One `name = "value"` or `name = 'value'`.
        mutating func readAttribute() -> (name: String, value: ArraySlice<UInt8>)? {
            let start = position
            while let current = byte(at: position), Self.isNameByte(current) { position += 1 }
            guard position > start else { return nil }
            let name = String(decoding: text[start..<position], as: UTF8.self)
            skipWhitespace()
            guard byte(at: position) == UInt8(ascii: "=") else { return nil }
            position += 1
            skipWhitespace()
            guard let quote = byte(at: position), quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { return nil }
            let valueStart = position + 1
            guard skip(past: [quote], from: valueStart) else { return nil }
            return (name, text[valueStart..<(position - 1)])
        }

        // MARK: Scanning

        /// The byte at `index`, nil past the window.
        func byte(at index: Int) -> UInt8? {
            text.indices.contains(index) ? text[index] : nil
        }

        /// Whether `expected` is found at the current position.
        func starts(with expected: [UInt8]) -> Bool {
            text.count - position >= expected.count && text[position..<(position + expected.count)].elementsEqual(expected)
        }

        /// Moves just past the first `terminator` found from `start` (the current position if not given);
        /// false, without moving, when there is none in the window.
        mutating func skip(past terminator: [UInt8], from start: Int? = nil) -> Bool {
            var index = start ?? position
            while text.count - index >= terminator.count {
                if text[index..<(index + terminator.count)].elementsEqual(terminator) {
                    position = index + terminator.count
                    return true
                }
                index += 1
            }
            return false
        }

        /// Moves past any XML white space.
        mutating func skipWhitespace() {
            while let current = byte(at: position), Self.isWhitespace(current) { position += 1 }
        }

        /// XML white space: space, tab, line feed, carriage return.
        static func isWhitespace(_ byte: UInt8) -> Bool {
            byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
        }

        /// Bytes an attribute name may hold here: anything but white space, quotes and `= < > /`.
        static func isNameByte(_ byte: UInt8) -> Bool {
            switch byte {
            case UInt8(ascii: "="), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "/"), UInt8(ascii: "\""), UInt8(ascii: "'"):
                return false
            default:
                return !isWhitespace(byte)
            }
        }
    }
}

// MARK: - SVG numbers

extension ImageSize.SVGHeader {
    /// A length in pixels: a number alone or followed by `px`, white space around allowed; nil for
    /// other units, percentages and anything else.
    static func pixelLength(_ value: ArraySlice<UInt8>) -> Double? {
        let trimmed = trimmingWhitespace(value)
        guard let (number, end) = number(in: trimmed, from: trimmed.startIndex) else { return nil }
        let unit = trimmed[end...]
        return unit.isEmpty || unit.elementsEqual("px".utf8) ? number : nil
    }

    /// Numbers separated by white space and or one comma, as in `viewBox`; nil when anything else is found.
    static func numberList(_ value: ArraySlice<UInt8>) -> [Double]? {
        let trimmed = trimmingWhitespace(value)
        var numbers: [Double] = []
        var index = trimmed.startIndex
        while index < trimmed.endIndex {
            guard let (number, end) = number(in: trimmed, from: index) else { return nil }
            numbers.append(number)
            index = skippingSeparator(in: trimmed, from: end)
            if index == trimmed.endIndex && end < index { return nil }
        }
        return numbers
    }

    /// Past white space, at most one comma, and white space again, from `index`.
    static func skippingSeparator(in text: ArraySlice<UInt8>, from index: Int) -> Int {
        var index = index
        while index < text.endIndex, isWhitespace(text[index]) { index += 1 }
        if index < text.endIndex, text[index] == UInt8(ascii: ",") { index += 1 }
        while index < text.endIndex, isWhitespace(text[index]) { index += 1 }
        return index
    }

    /// A decimal number at `index` (sign, digits with an optional fraction, optional exponent) and where it ends.
    static func number(in text: ArraySlice<UInt8>, from index: Int) -> (value: Double, end: Int)? {
        var end = index
        if end < text.endIndex, text[end] == UInt8(ascii: "+") || text[end] == UInt8(ascii: "-") { end += 1 }
        let integerDigits = digitCount(in: text, from: end)
        end += integerDigits
        var fractionDigits = 0
        if end < text.endIndex, text[end] == UInt8(ascii: ".") {
            fractionDigits = digitCount(in: text, from: end + 1)
            if fractionDigits > 0 { end += 1 + fractionDigits }
        }
        guard integerDigits + fractionDigits > 0 else { return nil }
        end += exponentLength(in: text, from: end)
        guard let value = Double(String(decoding: text[index..<end], as: UTF8.self)) else { return nil }
        return (value, end)
    }

    /// The length of an exponent (`e`, optional sign, digits) at `index`, 0 when there is none (as in `1em`).
    static func exponentLength(in text: ArraySlice<UInt8>, from index: Int) -> Int {
        guard index < text.endIndex, text[index] | 0x20 == UInt8(ascii: "e") else { return 0 }
        var signLength = 0
        if index + 1 < text.endIndex, text[index + 1] == UInt8(ascii: "+") || text[index + 1] == UInt8(ascii: "-") {
            signLength = 1
        }
        let digits = digitCount(in: text, from: index + 1 + signLength)
        return digits > 0 ? 1 + signLength + digits : 0
    }

    /// How many ASCII digits follow from `index`.
    static func digitCount(in text: ArraySlice<UInt8>, from index: Int) -> Int {
        var end = index
        while end < text.endIndex, text[end] >= UInt8(ascii: "0"), text[end] <= UInt8(ascii: "9") { end += 1 }
        return end - index
    }

    /// `value` without XML white space at either end.
    static func trimmingWhitespace(_ value: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var start = value.startIndex, end = value.endIndex
        while start < end, isWhitespace(value[start]) { start += 1 }
        while end > start, isWhitespace(value[end - 1]) { end -= 1 }
        return value[start..<end]
    }
}
