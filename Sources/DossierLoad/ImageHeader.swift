import Foundation
import DossierModel

extension ImageSize {
    /// The extensions whose files get `width` and `height` from their header.
    static let imageExtensions: Set<String> = ["png", "jpg", "jpeg", "gif", "webp", "svg"]

    /// Whether the file's extension names an image.
    static func isImagePath(_ path: String) -> Bool {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return false }
        return imageExtensions.contains(path[path.index(after: dot)...].lowercased())
    }

    /// How much of a file is read for its size: a JPEG's frame header can follow a large EXIF
    /// block; an image whose size is further in is shown without `width` and `height`.
    static let headerLimit = 256 * 1024

    /// The size of the image at an absolute path, from its first bytes; nil when unreadable.
    static func readHeader(of path: String) -> ImageSize? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var bytes = [UInt8](repeating: 0, count: headerLimit)
        var filled = 0
        while filled < headerLimit {
            let count = bytes.withUnsafeMutableBytes { buffer in
                pread(descriptor, buffer.baseAddress.map { $0 + filled }, headerLimit - filled, off_t(filled))
            }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { break }
            filled += count
        }
        bytes.removeSubrange(filled...)
        return read(bytes)
    }
}
