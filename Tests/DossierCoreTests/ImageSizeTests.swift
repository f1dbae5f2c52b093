import Testing
@testable import DossierModel

/// Image sizes read from headers assembled byte by byte in the tests.
@Suite struct ImageSizeTests {
    // MARK: PNG

    @Test func pngReadsTheIHDRSize() {
        #expect(ImageSize.read(TestImage.png(width: 640, height: 480)) == ImageSize(width: 640, height: 480))
        #expect(ImageSize.read(TestImage.png(width: 1, height: 1)) == ImageSize(width: 1, height: 1))
        #expect(ImageSize.read(TestImage.png(width: 1_000_000, height: 70_000)) == ImageSize(width: 1_000_000, height: 70_000))
    }

    @Test func pngRejectsZeroAndAbsurdSides() {
        #expect(ImageSize.read(TestImage.png(width: 0, height: 480)) == nil)
        #expect(ImageSize.read(TestImage.png(width: 640, height: 0)) == nil)
        #expect(ImageSize.read(TestImage.png(width: 1_000_001, height: 480)) == nil)
        #expect(ImageSize.read(TestImage.png(width: 640, height: 0xFFFF_FFFF)) == nil)
    }

    @Test func pngNeedsIHDRFirst() {
        var bytes = TestImage.png(width: 640, height: 480)
        bytes.replaceSubrange(12..<16, with: Array("CgBI".utf8))
        #expect(ImageSize.read(bytes) == nil)
        var badLength = TestImage.png(width: 640, height: 480)
        badLength[11] = 12
        #expect(ImageSize.read(badLength) == nil)
    }

    @Test func pngPrefixesAreNilOrTheSize() {
        let bytes = TestImage.png(width: 300, height: 200)
        let expected = ImageSize(width: 300, height: 200)
        for length in 0...bytes.count {
            let size = ImageSize.read(Array(bytes.prefix(length)))
            #expect(size == nil || size == expected, "prefix \(length)")
            #expect((size == nil) == (length < 24), "prefix \(length)")
        }
    }

    // MARK: GIF

    @Test func gifReadsTheLogicalScreen() {
        #expect(ImageSize.read(TestImage.gif("GIF89a", width: 500, height: 260)) == ImageSize(width: 500, height: 260))
        #expect(ImageSize.read(TestImage.gif("GIF87a", width: 0x0102, height: 0x0304)) == ImageSize(width: 258, height: 772))
    }

    @Test func gifRejectsZeroShortAndUnknownVersions() {
        #expect(ImageSize.read(TestImage.gif("GIF89a", width: 0, height: 10)) == nil)
        #expect(ImageSize.read(Array(TestImage.gif("GIF89a", width: 5, height: 10).prefix(9))) == nil)
        #expect(ImageSize.read(TestImage.gif("GIF88a", width: 5, height: 10)) == nil)
    }

    // MARK: JPEG

    @Test func jpegReadsSOF0AfterAPP0() {
        let bytes = TestImage.jpeg([TestImage.app0, TestImage.quantizationTable, TestImage.startOfFrame(width: 1024, height: 768)])
        #expect(ImageSize.read(bytes) == ImageSize(width: 1024, height: 768))
    }

    @Test func jpegReadsProgressiveSOF2() {
        let bytes = TestImage.jpeg([TestImage.app0, TestImage.startOfFrame(0xC2, width: 33, height: 4000)])
        #expect(ImageSize.read(bytes) == ImageSize(width: 33, height: 4000))
    }

    @Test func jpegSkipsFillBytesStandaloneMarkersAndTables() {
        // DHT (C4), JPG (C8) and DAC (CC) sit among the SOF codes; their payloads would read as a size.
        let decoys = ([0xC4, 0xC8, 0xCC] as [UInt8]).map { TestImage.jpegSegment($0, [8, 0x00, 0x05, 0x00, 0x07, 1, 0, 0, 0]) }
        var bytes: [UInt8] = [0xFF, 0xD8, 0xFF, 0xFF, 0xFF] + TestImage.app0.dropFirst()
        bytes += [0xFF, 0xD0, 0xFF, 0xD7, 0xFF, 0x01] + decoys.joined()
        bytes += [0xFF, 0xFF] + TestImage.startOfFrame(0xC1, width: 90, height: 60)
        #expect(ImageSize.read(bytes) == ImageSize(width: 90, height: 60))
    }

    @Test func jpegRespectsSegmentLengths() {
        // The frame inside an APP1 payload is not a marker: the APP1 length skips it.
        let hidden = TestImage.jpegSegment(0xE1, Array("Exif\0\0".utf8) + TestImage.startOfFrame(width: 7, height: 7))
        let bytes = TestImage.jpeg([hidden, TestImage.startOfFrame(width: 640, height: 427)])
        #expect(ImageSize.read(bytes) == ImageSize(width: 640, height: 427))
    }

    @Test func jpegSegmentRunningPastTheEndIsNil() {
        // APP0 says 0x0400 bytes; the file ends (with a frame inside that span) long before.
        let bytes: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0, 0x04, 0x00] + TestImage.startOfFrame(width: 10, height: 10)
        #expect(ImageSize.read(bytes) == nil)
        let longFrame: [UInt8] = [0xFF, 0xD8, 0xFF, 0xC0, 0x00, 0x11, 8, 0, 10, 0]
        #expect(ImageSize.read(longFrame) == nil)
    }

    @Test func jpegMalformedMarkersAreNil() {
        let frame = TestImage.startOfFrame(width: 10, height: 20)
        #expect(ImageSize.read(TestImage.jpeg([frame])) == ImageSize(width: 10, height: 20))
        #expect(ImageSize.read([0xFF, 0xD8, 0x00] + frame) == nil, "no FF where a marker should be")
        #expect(ImageSize.read([0xFF, 0xD8, 0xFF, 0xDA, 0x00, 0x08] + frame) == nil, "scan before any frame")
        #expect(ImageSize.read([0xFF, 0xD8, 0xFF, 0xD9] + frame) == nil, "end of image before any frame")
        #expect(ImageSize.read([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x01] + frame) == nil, "segment length below 2")
        #expect(ImageSize.read([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x00] + frame) == nil, "segment length 0")
        #expect(ImageSize.read([0xFF, 0xD8, 0xFF, 0xC0, 0x00, 0x07, 8, 0, 20, 0, 10, 3]) == nil, "frame too short")
        #expect(ImageSize.read(TestImage.jpeg([TestImage.startOfFrame(width: 10, height: 0)])) == nil, "height from DNL")
    }

    @Test func jpegPrefixesAreNilOrTheSize() {
        let frame = TestImage.startOfFrame(0xC2, width: 1920, height: 1080)
        let bytes = TestImage.jpeg([TestImage.app0, TestImage.quantizationTable, frame, TestImage.huffmanTable])
        let expected = ImageSize(width: 1920, height: 1080)
        let frameStart = 2 + TestImage.app0.count + TestImage.quantizationTable.count
        for length in 0...bytes.count {
            let size = ImageSize.read(Array(bytes.prefix(length)))
            #expect(size == nil || size == expected, "prefix \(length)")
            // The size needs the frame's length, precision, height, width and component count.
            #expect((size == nil) == (length < frameStart + 10), "prefix \(length)")
        }
    }

    // MARK: WebP

    @Test func webpLossyReadsTheFrameHeader() {
        #expect(ImageSize.read(TestImage.webpLossy(width: 550, height: 368)) == ImageSize(width: 550, height: 368))
        // The top two bits of each side are a scale, not part of the size.
        #expect(ImageSize.read(TestImage.webpLossy(width: 0xC000 | 16383, height: 0x4000 | 2)) == ImageSize(width: 16383, height: 2))
    }

    @Test func webpLossyNeedsTheStartCode() {
        var bytes = TestImage.webpLossy(width: 550, height: 368)
        bytes[24] = 0x02
        #expect(ImageSize.read(bytes) == nil)
        #expect(ImageSize.read(TestImage.webpLossy(width: 0, height: 368)) == nil)
    }

    @Test func webpLosslessReadsPackedSides() {
        #expect(ImageSize.read(TestImage.webpLossless(width: 400, height: 301)) == ImageSize(width: 400, height: 301))
        #expect(ImageSize.read(TestImage.webpLossless(width: 1, height: 1)) == ImageSize(width: 1, height: 1))
        #expect(ImageSize.read(TestImage.webpLossless(width: 16384, height: 16384, alpha: true)) == ImageSize(width: 16384, height: 16384))
    }

    @Test func webpLosslessNeedsSignatureAndVersionZero() {
        var badSignature = TestImage.webpLossless(width: 400, height: 301)
        badSignature[20] = 0x2E
        #expect(ImageSize.read(badSignature) == nil)
        var badVersion = TestImage.webpLossless(width: 400, height: 301)
        badVersion[24] |= 0x20
        #expect(ImageSize.read(badVersion) == nil)
    }

    @Test func webpExtendedReadsTheCanvas() {
        #expect(ImageSize.read(TestImage.webpExtended(width: 3000, height: 2000)) == ImageSize(width: 3000, height: 2000))
        #expect(ImageSize.read(TestImage.webpExtended(width: 1, height: 1_000_000)) == ImageSize(width: 1, height: 1_000_000))
        #expect(ImageSize.read(TestImage.webpExtended(width: 1_000_001, height: 5)) == nil)
    }

    @Test func webpUnknownChunkAndPrefixesAreNil() {
        #expect(ImageSize.read(TestImage.webp(chunk: "ALPH", [0x2F, 1, 2, 3, 4, 5, 6, 7, 8, 9])) == nil)
        for image in [TestImage.webpLossy(width: 5, height: 6), TestImage.webpLossless(width: 5, height: 6),
                      TestImage.webpExtended(width: 5, height: 6)] {
            for length in 0..<image.count {
                #expect(ImageSize.read(Array(image.prefix(length))) == nil, "prefix \(length)")
            }
            #expect(ImageSize.read(image) == ImageSize(width: 5, height: 6))
        }
    }

    // MARK: SVG

    @Test func svgReadsPlainWidthAndHeight() {
        let text = #"<svg xmlns="http://www.w3.org/2000/svg" width="120" height="80"><rect/></svg>"#
        #expect(ImageSize.read(TestImage.svg(text)) == ImageSize(width: 120, height: 80))
        #expect(ImageSize.read(TestImage.svg("<svg width='64' height='48'/>")) == ImageSize(width: 64, height: 48))
        #expect(ImageSize.read(TestImage.svg(#"<svg width = " 2e2 " height="+3.5"/>"#)) == ImageSize(width: 200, height: 4))
    }

    @Test func svgRoundsPixelValues() {
        let text = #"<svg width="120px" height="80.4" viewBox="0 0 10 10"></svg>"#
        #expect(ImageSize.read(TestImage.svg(text)) == ImageSize(width: 120, height: 80))
        #expect(ImageSize.read(TestImage.svg(#"<svg width="0.5px" height="99.5"/>"#)) == ImageSize(width: 1, height: 100))
    }

    @Test func svgSkipsTheProlog() {
        let text = """
            \u{FEFF}  <?xml version="1.0" encoding="UTF-8"?>
            <!-- <svg width="1" height="1"> in a comment -->
            <!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd" [
              <!ENTITY ns "http://www.w3.org/2000/svg">
            ]>
            <?xml-stylesheet href="a.css"?>
            <svg
              xmlns="&ns;" width="300" height="150">
            """
        #expect(ImageSize.read(TestImage.svg(text)) == ImageSize(width: 300, height: 150))
    }

    @Test func svgFallsBackToTheViewBox() {
        #expect(ImageSize.read(TestImage.svg(#"<svg viewBox="0 0 300 150"/>"#)) == ImageSize(width: 300, height: 150))
        #expect(ImageSize.read(TestImage.svg(#"<svg viewBox='-5,-5,24,24'/>"#)) == ImageSize(width: 24, height: 24))
        #expect(ImageSize.read(TestImage.svg(#"<svg viewBox=" 0, 0 , 300.6,150.4 "/>"#)) == ImageSize(width: 301, height: 150))
        let percent = #"<svg width="100%" height="100%" viewBox="0 0 640 360"/>"#
        #expect(ImageSize.read(TestImage.svg(percent)) == ImageSize(width: 640, height: 360))
        let onlyWidth = #"<svg width="50" viewBox="0 0 640 360"/>"#
        #expect(ImageSize.read(TestImage.svg(onlyWidth)) == ImageSize(width: 640, height: 360))
        let ems = #"<svg width="1em" height="1em" viewBox="0 0 16 12"/>"#
        #expect(ImageSize.read(TestImage.svg(ems)) == ImageSize(width: 16, height: 12))
    }

    @Test func svgWithoutUsableSizeIsNil() {
        #expect(ImageSize.read(TestImage.svg(#"<svg width="100%" height="100%"><g/></svg>"#)) == nil)
        #expect(ImageSize.read(TestImage.svg(#"<svg width="100%"/>"#)) == nil)
        #expect(ImageSize.read(TestImage.svg("<svg></svg>")) == nil)
        #expect(ImageSize.read(TestImage.svg(#"<svg viewBox="0 0 300"/>"#)) == nil)
        #expect(ImageSize.read(TestImage.svg(#"<svg viewBox="0 0 300 150 7"/>"#)) == nil)
        #expect(ImageSize.read(TestImage.svg(#"<svg viewBox="0 0 -300 150"/>"#)) == nil)
        #expect(ImageSize.read(TestImage.svg(#"<svg viewBox="0,,0,300,150"/>"#)) == nil)
        #expect(ImageSize.read(TestImage.svg(#"<svg viewBox="0 0 300 150,"/>"#)) == nil)
        #expect(ImageSize.read(TestImage.svg(#"<svg width="0" height="10"/>"#)) == nil)
        #expect(ImageSize.read(TestImage.svg(#"<svg width="2000000" height="10"/>"#)) == nil)
        #expect(ImageSize.read(TestImage.svg(#"<svg width="1e400" height="10"/>"#)) == nil)
    }

    @Test func svgReadsOnlyTheRootElement() {
        #expect(ImageSize.read(TestImage.svg(#"<html><svg width="10" height="10"/></html>"#)) == nil)
        #expect(ImageSize.read(TestImage.svg(#"<svgx width="10" height="10"/>"#)) == nil)
        #expect(ImageSize.read(TestImage.svg(#"text <svg width="10" height="10"/>"#)) == nil)
        #expect(ImageSize.read(TestImage.svg(#"<svg width="10" height="10""#)) == nil, "tag never closed")
        #expect(ImageSize.read(TestImage.svg(#"<svg width=10 height=10>"#)) == nil, "unquoted values")
        let quoted = #"<svg aria-label='width="5" height="5"' data-width="7" title="a > b" width="30" height="40">"#
        #expect(ImageSize.read(TestImage.svg(quoted)) == ImageSize(width: 30, height: 40))
    }

    @Test func svgLooksOnlyAtTheFirst4KB() {
        let comment = "<!--" + String(repeating: "x", count: 4000) + "-->"
        let fits = comment + #"<svg width="8" height="9">"#
        #expect(fits.utf8.count <= 4096)
        #expect(ImageSize.read(TestImage.svg(fits)) == ImageSize(width: 8, height: 9))
        let tooFar = "<!--" + String(repeating: "x", count: 4100) + "-->" + #"<svg width="8" height="9">"#
        #expect(ImageSize.read(TestImage.svg(tooFar)) == nil)
    }

    @Test func svgPrefixesAreNilOrTheSize() {
        let bytes = TestImage.svg(#"<?xml version="1.0"?><svg width="12" height="34" viewBox="0 0 56 78">"#)
        for length in 0...bytes.count {
            let size = ImageSize.read(Array(bytes.prefix(length)))
            #expect(size == nil || size == ImageSize(width: 12, height: 34), "prefix \(length)")
            #expect((size == nil) == (length < bytes.count), "prefix \(length)")
        }
    }

    // MARK: Anything else

    @Test func emptyAndUnknownBytesAreNil() {
        #expect(ImageSize.read([]) == nil)
        #expect(ImageSize.read([0xFF]) == nil)
        #expect(ImageSize.read([0xFF, 0xD8]) == nil)
        #expect(ImageSize.read(Array("BM6\0\0\0".utf8)) == nil)
        #expect(ImageSize.read(Array("RIFF\0\0\0\0WAVEfmt ".utf8)) == nil)
    }

    @Test func randomBytesAreNilOrInRange() {
        var random = SplitMix64(seed: 0x1A6E_512E)
        let magics: [[UInt8]] = [[], TestImage.pngSignature, Array("GIF89a".utf8), [0xFF, 0xD8], [0xFF, 0xD8, 0xFF],
                                 Array("RIFF\0\0\0\0WEBPVP8 ".utf8), Array("RIFF\0\0\0\0WEBPVP8L".utf8),
                                 Array("RIFF\0\0\0\0WEBPVP8X".utf8), Array("<svg ".utf8), Array("<svg viewBox=\"".utf8)]
        for iteration in 0..<4000 {
            let magic = magics[iteration % magics.count]
            let tail = (0..<random.below(64)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            let bytes = magic.isEmpty ? [0x00] + tail : magic + tail
            let size = ImageSize.read(bytes)
            #expect(size.map(Self.isInRange) ?? true, "\(bytes)")
            if magic.isEmpty { #expect(size == nil, "\(bytes)") }
        }
    }

    @Test func mutatedImagesAreNilOrInRange() {
        var random = SplitMix64(seed: 0xD055_1E55)
        let images = [TestImage.png(width: 3, height: 4), TestImage.gif("GIF89a", width: 3, height: 4),
                      TestImage.jpeg([TestImage.app0, TestImage.startOfFrame(width: 3, height: 4)]),
                      TestImage.webpLossy(width: 3, height: 4), TestImage.webpLossless(width: 3, height: 4),
                      TestImage.webpExtended(width: 3, height: 4), TestImage.svg(#"<svg width="3" height='4' viewBox="0 0 3 4">"#)]
        var readCount = 0
        for iteration in 0..<5000 {
            var bytes = images[iteration % images.count]
            for _ in 0...random.below(3) {
                let index = random.below(bytes.count)
                bytes[index] = random.below(2) == 0 ? UInt8(truncatingIfNeeded: random.next()) : 0xFF
            }
            if random.below(4) == 0 { bytes.removeLast(random.below(bytes.count)) }
            let size = ImageSize.read(bytes)
            #expect(size.map(Self.isInRange) ?? true, "\(bytes)")
            if size != nil { readCount += 1 }
        }
        #expect(readCount > 0)
    }

    /// Whether both sides are in the range `read` promises.
    static func isInRange(_ size: ImageSize) -> Bool {
        (1...1_000_000).contains(size.width) && (1...1_000_000).contains(size.height)
    }
}

/// Minimal image headers, assembled byte by byte.
enum TestImage {
    static let pngSignature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// A PNG signature and IHDR chunk (8-bit RGBA, CRC left at zero: it is not checked).
    static func png(width: UInt32, height: UInt32) -> [UInt8] {
        pngSignature + bigEndian(13, count: 4) + Array("IHDR".utf8)
            + bigEndian(Int(width), count: 4) + bigEndian(Int(height), count: 4) + [8, 6, 0, 0, 0] + [0, 0, 0, 0]
    }

    /// A GIF header: signature, logical screen size, flags, background colour, aspect ratio.
    static func gif(_ signature: String, width: Int, height: Int) -> [UInt8] {
        Array(signature.utf8) + littleEndian(width, count: 2) + littleEndian(height, count: 2) + [0x80, 0, 0]
    }

    /// SOI, the segments, and EOI.
    static func jpeg(_ segments: [[UInt8]]) -> [UInt8] {
        [0xFF, 0xD8] + segments.joined() + [0xFF, 0xD9]
    }

    /// FF, the marker, a length counting itself, then the payload.
    static func jpegSegment(_ marker: UInt8, _ payload: [UInt8]) -> [UInt8] {
        [0xFF, marker] + bigEndian(payload.count + 2, count: 2) + payload
    }

    /// A start of frame: 8-bit precision, height, width, three components.
    static func startOfFrame(_ marker: UInt8 = 0xC0, width: Int, height: Int) -> [UInt8] {
        let components: [UInt8] = [3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]
        return jpegSegment(marker, [8] + bigEndian(height, count: 2) + bigEndian(width, count: 2) + components)
    }

    static let app0 = jpegSegment(0xE0, Array("JFIF\0".utf8) + [1, 1, 0, 0, 1, 0, 1, 0, 0])
    static let quantizationTable = jpegSegment(0xDB, [0] + Array(repeating: 1, count: 64))
    static let huffmanTable = jpegSegment(0xC4, [0] + Array(repeating: 0, count: 16))

    /// A RIFF WebP file holding one chunk.
    static func webp(chunk: String, _ payload: [UInt8]) -> [UInt8] {
        Array("RIFF".utf8) + littleEndian(payload.count + 12, count: 4) + Array("WEBP".utf8)
            + Array(chunk.utf8) + littleEndian(payload.count, count: 4) + payload
    }

    /// VP8: a key frame tag, the start code, then width and height as given (scale bits included).
    static func webpLossy(width: Int, height: Int) -> [UInt8] {
        webp(chunk: "VP8 ", [0x30, 0x01, 0x00, 0x9D, 0x01, 0x2A] + littleEndian(width, count: 2) + littleEndian(height, count: 2))
    }

    /// VP8L: the signature, then width − 1 and height − 1 in 14 bits each, the alpha flag, version 0.
    static func webpLossless(width: Int, height: Int, alpha: Bool = false) -> [UInt8] {
        let bits = (width - 1) | (height - 1) << 14 | (alpha ? 1 << 28 : 0)
        return webp(chunk: "VP8L", [0x2F] + littleEndian(bits, count: 4))
    }

    /// VP8X: flags and reserved bytes, then canvas width − 1 and height − 1 in 24 bits each.
    static func webpExtended(width: Int, height: Int) -> [UInt8] {
        webp(chunk: "VP8X", [0x10, 0, 0, 0] + littleEndian(width - 1, count: 3) + littleEndian(height - 1, count: 3))
    }

    static func svg(_ text: String) -> [UInt8] {
        Array(text.utf8)
    }

    /// The low `count` bytes of `value`, most significant first.
    static func bigEndian(_ value: Int, count: Int) -> [UInt8] {
        (0..<count).reversed().map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
    }

    /// The low `count` bytes of `value`, least significant first.
    static func littleEndian(_ value: Int, count: Int) -> [UInt8] {
        (0..<count).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
    }
}
