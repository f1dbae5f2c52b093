import DossierModel
import DossierMarkdown

/// The page cache on disk: a header, then each entry as numbers (eight bytes, little-endian) and
/// strings (their length, then their UTF-8). Read in one pass without a parser: a JSON form took
/// a second to write and most of one to read for 10,000 pages. Anything unexpected (another
/// version, a cut file) reads as an empty cache.
extension PageCache {
    static let magic = Array("dossier page cache\n".utf8)

    func encoded() -> [UInt8] {
        var out = CacheWriter()
        out.bytes += Self.magic
        out.int(Self.version)
        out.int(entries.count)
        for path in entries.keys.sorted() {
            guard let entry = entries[path] else { continue }
            out.string(path)
            out.number(entry.key)
            out.list(entry.files) { out, file in
                out.string(file.path)
                out.int(file.size)
                out.number(file.hash)
            }
            entry.facts.write(to: &out)
        }
        return out.bytes
    }

    init?(decoding bytes: [UInt8]) {
        guard bytes.starts(with: Self.magic) else { return nil }
        var input = CacheReader(bytes: bytes, offset: Self.magic.count)
        guard let version = input.int(), version == Self.version, let count = input.int(), count >= 0 else { return nil }
        var entries: [String: Entry] = [:]
        entries.reserveCapacity(min(count, bytes.count / 16))
        for _ in 0..<count {
            guard let path = input.string(), let key = input.number(),
                  let files = input.list({ input -> File? in
                      guard let path = input.string(), let size = input.int(), let hash = input.number() else { return nil }
                      return File(path: path, size: size, hash: hash)
                  }),
                  let facts = Facts(from: &input) else { return nil }
            entries[path] = Entry(key: key, files: files, facts: facts)
        }
        guard input.offset == bytes.count else { return nil }
        self.init(entries: entries)
    }
}

extension PageCache.Facts {
    func write(to out: inout CacheWriter) {
        out.list(headings) { out, heading in
            out.int(heading.level)
            out.string(heading.text)
            out.string(heading.id)
        }
        out.list(anchorReferences) { out, reference in
            out.string(reference.targetPage)
            out.string(reference.anchor)
            out.string(reference.file)
            out.int(reference.line)
            out.int(reference.column)
        }
        out.list(datasets) { out, name in out.string(name) }
        out.list(diagnostics) { out, diagnostic in
            out.string(diagnostic.file)
            out.int(diagnostic.line)
            out.int(diagnostic.column)
            out.string(diagnostic.severity.rawValue)
            out.string(diagnostic.message)
        }
        out.list(figures) { out, figure in figure.write(to: &out) }
        out.list(citations) { out, source in
            out.string(source.id)
            out.int(source.number)
            out.int(source.count)
        }
    }

    init?(from input: inout CacheReader) {
        guard let headings = input.list({ input -> Heading? in
                  guard let level = input.int(), let text = input.string(), let id = input.string() else { return nil }
                  return Heading(level: level, text: text, id: id)
              }),
              let references = input.list({ input -> AnchorReference? in
                  guard let target = input.string(), let anchor = input.string(), let file = input.string(),
                        let line = input.int(), let column = input.int() else { return nil }
                  return AnchorReference(targetPage: target, anchor: anchor, file: file, line: line, column: column)
              }),
              let datasets = input.list({ $0.string() }),
              let diagnostics = input.list({ input -> Diagnostic? in
                  guard let file = input.string(), let line = input.int(), let column = input.int(),
                        let severity = input.string().flatMap(Diagnostic.Severity.init(rawValue:)), let message = input.string() else { return nil }
                  return Diagnostic(file: file, line: line, column: column, severity: severity, message: message)
              }),
              let figures = input.list({ FigureEntry(from: &$0) }),
              let citations = input.list({ input -> CitedSource? in
                  guard let id = input.string(), let number = input.int(), let count = input.int() else { return nil }
                  return CitedSource(id: id, number: number, count: count)
              }) else { return nil }
        self.init(headings: headings, anchorReferences: references, datasets: datasets, diagnostics: diagnostics,
                  figures: figures, citations: citations)
    }
}

extension FigureEntry {
    func write(to out: inout CacheWriter) {
        out.string(kind.rawValue)
        out.int(number)
        out.optional(id)
        out.optional(anchor)
        out.optional(title)
        out.list(datasets) { out, name in out.string(name) }
        out.int(line)
        out.int(column)
        out.int(export == nil ? 0 : 1)
        if let export {
            // The files' text is not kept (it is written, then dropped).
            out.string(export.description)
            out.number(export.width.bitPattern)
            out.number(export.height.bitPattern)
        }
    }

    init?(from input: inout CacheReader) {
        guard let kind = input.string().flatMap(Kind.init(rawValue:)), let number = input.int(),
              let id = input.optional(), let anchor = input.optional(), let title = input.optional(),
              let datasets = input.list({ $0.string() }), let line = input.int(), let column = input.int(),
              let hasExport = input.int() else { return nil }
        self.init(kind: kind, number: number, id: id, anchor: anchor, title: title, datasets: datasets, line: line, column: column)
        if hasExport == 1 {
            guard let description = input.string(), let width = input.number(), let height = input.number() else { return nil }
            export = ChartExport(svg: "", csv: "", description: description,
                                 width: Double(bitPattern: width), height: Double(bitPattern: height))
        }
    }
}

/// Appends numbers and strings in the page cache's form.
struct CacheWriter {
    var bytes: [UInt8] = []

    mutating func number(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func int(_ value: Int) { number(UInt64(bitPattern: Int64(value))) }

    mutating func string(_ text: String) {
        int(text.utf8.count)
        bytes.append(contentsOf: text.utf8)
    }

    /// A string or none: a flag, then the string.
    mutating func optional(_ text: String?) {
        int(text == nil ? 0 : 1)
        if let text { string(text) }
    }

    mutating func list<T>(_ items: [T], _ write: (inout CacheWriter, T) -> Void) {
        int(items.count)
        for item in items { write(&self, item) }
    }
}

/// Reads what `CacheWriter` wrote; each read is nil past the end or on a value out of range.
struct CacheReader {
    let bytes: [UInt8]
    var offset: Int

    mutating func number() -> UInt64? {
        guard offset + 8 <= bytes.count else { return nil }
        let value = bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: UInt64.self) }
        offset += 8
        return UInt64(littleEndian: value)
    }

    mutating func int() -> Int? { number().map { Int(Int64(bitPattern: $0)) } }

    mutating func string() -> String? {
        guard let count = int(), count >= 0, count <= bytes.count - offset else { return nil }
        defer { offset += count }
        return String(decoding: bytes[offset..<offset + count], as: UTF8.self)
    }

    /// `.some(nil)` for no string, nil when the bytes are not a flag and a string.
    mutating func optional() -> String?? {
        switch int() {
        case 0: return .some(nil)
        case 1: return string().map { .some($0) }
        default: return nil
        }
    }

    mutating func list<T>(_ read: (inout CacheReader) -> T?) -> [T]? {
        // Each item takes at least one number: a count beyond that is a damaged file, and is not
        // allowed to reserve memory for it.
        guard let count = int(), count >= 0, count <= (bytes.count - offset) / 8 else { return nil }
        var items: [T] = []
        items.reserveCapacity(count)
        for _ in 0..<count {
            guard let item = read(&self) else { return nil }
            items.append(item)
        }
        return items
    }
}
