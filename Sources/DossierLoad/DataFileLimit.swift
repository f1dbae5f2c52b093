import Foundation
import DossierModel

/// The largest dataset file a build reads. Parsing keeps every cell as text, then typed, with its
/// position: a build's peak memory is about twenty times the file's size (measured: a 50 MB CSV
/// of 1.4 million rows peaks at 1.0 GB), so past this size a dataset is refused before it is read,
/// with an error naming the file, its size and the limit. Documented in docs/commands.md ("Limits").
enum DataFileLimit {
    /// 10 MB (10,000,000 bytes): about 270,000 rows of five columns, a build peaking near 230 MB.
    static let maximumBytes = 10_000_000

    /// Whether `path` names a dataset (`.csv`, `.json`) rather than its metadata.
    static func isDataset(_ path: String) -> Bool {
        path.hasSuffix(".csv") || path.hasSuffix(".json")
    }

    /// The error for a dataset file of `size` bytes, or nil when it is within the limit.
    static func check(_ path: String, size: Int) -> Diagnostic? {
        guard isDataset(path), size > maximumBytes else { return nil }
        return .error("dataset file is \(megabytes(size)) (\(size) bytes), over the limit of \(megabytes(maximumBytes)) a dataset may have; "
                      + "keep only the rows and columns the report uses, or split it into several datasets", file: path)
    }

    /// `52.4 MB`, in units of 1,000,000 bytes.
    static func megabytes(_ size: Int) -> String {
        let tenths = (size + 50_000) / 100_000
        return tenths % 10 == 0 ? "\(tenths / 10) MB" : "\(tenths / 10).\(tenths % 10) MB"
    }

    /// The size of a file in bytes, from `stat` (nil when it cannot be read).
    static func size(of path: String) -> Int? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Int(info.st_size)
    }

    /// The data files to read: those over the limit are left out with their error, and so is the
    /// metadata beside them (it would otherwise be reported as metadata without a dataset).
    static func filter(_ paths: [String], absolute: (String) -> String, diagnostics: inout Diagnostics) -> [String] {
        var refusedStems = Set<String>()
        for path in paths {
            guard let size = size(of: absolute(path)), let error = check(path, size: size) else { continue }
            diagnostics.append(error)
            refusedStems.insert(stem(path))
        }
        guard !refusedStems.isEmpty else { return paths }
        return paths.filter { !refusedStems.contains(stem($0)) }
    }

    /// `content/data/ventes` for `content/data/ventes.csv`.
    static func stem(_ path: String) -> String {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return path }
        return String(path[..<dot])
    }
}
