import Foundation
import DossierModel

/// The running program's part of the page cache's keys: another `dossier` may render any page
/// otherwise.
extension PageKeys {
    /// Worked out once per process: the program's GNU build ID (the linker's hash of what it
    /// linked, `ld --build-id`, which Swift's toolchain passes on Linux), or else the hash of its
    /// file; then the same for each shared library it has loaded (a debug build loads cmark-gfm
    /// and Foundation so, and a system update may change them). Nil when the program's cannot be
    /// had, and then no page comes from the cache.
    static let currentProgram: UInt64? = {
        guard let own = identity("/proc/self/exe") else { return nil }
        var hash = ContentHash(seed: own)
        for library in loadedLibraries() {
            hash.combine(library)
            hash.combine(identity(library) ?? 0)
        }
        return hash.value
    }()

    /// A program's or a library's build ID, hashed, or else the hash of its file.
    static func identity(_ path: String) -> UInt64? {
        buildID(path).map { id in id.withUnsafeBytes { ContentHash.of($0) } } ?? program(path)
    }

    /// The shared libraries mapped into the process (`/proc/self/maps`), by path, sorted.
    static func loadedLibraries(_ maps: String = "/proc/self/maps") -> [String] {
        guard let bytes = FileIO.read(maps) else { return [] }
        var paths: Set<String> = []
        for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") {
            // address, permissions, offset, device, inode, then the path (which may hold spaces).
            let fields = line.split(separator: " ", maxSplits: 5, omittingEmptySubsequences: true)
            guard fields.count == 6 else { continue }
            let path = fields[5].trimmingCharacters(in: .whitespaces)
            if path.hasPrefix("/"), path.contains(".so") { paths.insert(path) }
        }
        return paths.sorted()
    }

    /// The hash of a program's or a library's file, for one without a build ID (the whole file
    /// is read: 80 MB and 200 million instructions for a release `dossier`).
    static func program(_ path: String) -> UInt64? {
        FileIO.read(path).map { $0.withUnsafeBytes(ContentHash.of) }
    }

    /// The build ID in a program's ELF notes (a 64-bit little-endian ELF file): its header says
    /// where the program headers are, and each `PT_NOTE` one where its notes are. Nil for any
    /// other file, or one without the note.
    static func buildID(_ path: String = "/proc/self/exe") -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        func bytes(at offset: UInt64, count: Int) -> [UInt8]? {
            guard count >= 0, count <= 1 << 20 else { return nil }
            var buffer = [UInt8](repeating: 0, count: count)
            let got = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, count, off_t(clamping: offset)) }
            return got == count ? buffer : nil
        }
        guard let header = bytes(at: 0, count: 64), header.starts(with: [0x7F, 0x45, 0x4C, 0x46, 2, 1]) else { return nil }
        let (tableOffset, entrySize, entries) = header.withUnsafeBytes {
            ($0.loadUnaligned(fromByteOffset: 32, as: UInt64.self), Int($0.loadUnaligned(fromByteOffset: 54, as: UInt16.self)),
             Int($0.loadUnaligned(fromByteOffset: 56, as: UInt16.self)))
        }
        guard entrySize >= 56, let table = bytes(at: tableOffset, count: entrySize * entries) else { return nil }
        for index in 0..<entries {
            let (type, offset, size) = table.withUnsafeBytes {
                ($0.loadUnaligned(fromByteOffset: index * entrySize, as: UInt32.self),
                 $0.loadUnaligned(fromByteOffset: index * entrySize + 8, as: UInt64.self),
                 $0.loadUnaligned(fromByteOffset: index * entrySize + 32, as: UInt64.self))
            }
            guard type == 4, let notes = bytes(at: offset, count: Int(clamping: size)) else { continue }  // PT_NOTE
            if let id = notes.withUnsafeBytes({ gnuBuildID(in: $0) }) { return id }
        }
        return nil
    }

    /// The descriptor of the `NT_GNU_BUILD_ID` note (type 3, owner "GNU") among ELF notes: each
    /// a name size, a descriptor size and a type (32 bits each), then the name and the
    /// descriptor, each padded to four bytes.
    static func gnuBuildID(in notes: UnsafeRawBufferPointer) -> [UInt8]? {
        var offset = 0
        while offset + 12 <= notes.count {
            let nameSize = Int(notes.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
            let descriptorSize = Int(notes.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self))
            let type = notes.loadUnaligned(fromByteOffset: offset + 8, as: UInt32.self)
            let name = offset + 12
            let descriptor = name + (nameSize + 3) & ~3
            let next = descriptor + (descriptorSize + 3) & ~3
            guard next <= notes.count else { return nil }
            if type == 3, nameSize == 4, Array(notes[name..<name + 4]) == Array("GNU\0".utf8), descriptorSize > 0 {
                return Array(notes[descriptor..<descriptor + descriptorSize])
            }
            offset = next
        }
        return nil
    }
}
