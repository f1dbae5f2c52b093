import Foundation

/// The stamps of one template set, shared by the threads that render pages.
///
/// A shape seen once is rendered by swift-mustache. The second time, a stamp is made and checked:
/// the page is rendered both ways and the stamp is kept only if the two are byte-identical; later
/// pages of that shape are filled from the stamp. A stamp that fails its check is never tried
/// again for that shape.
package final class StampCache: @unchecked Sendable {
    enum Entry {
        case seen
        case building
        case ready(TemplateStamp)
        case list(ListStamp)
        case refused
    }

    struct Key: Hashable {
        var template: String
        var shape: [UInt8]

        /// Every byte, mixed eight at a time (a page's key is kilobytes long, and `Hasher` takes
        /// several instructions a byte); the mix then goes through `Hasher`.
        func hash(into hasher: inout Hasher) {
            hasher.combine(template)
            hasher.combine(shape.count)
            var mix: UInt64 = 0xcbf2_9ce4_8422_2325
            shape.withUnsafeBytes { bytes in
                var index = 0
                while index + 8 <= bytes.count {
                    mix = (mix ^ bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)) &* 0x0000_0100_0000_01b3
                    mix ^= mix >> 29
                    index += 8
                }
                while index < bytes.count {
                    mix = (mix ^ UInt64(bytes[index])) &* 0x0000_0100_0000_01b3
                    index += 1
                }
            }
            hasher.combine(mix)
        }
    }

    package struct Counts: Sendable, Equatable {
        package var stamped = 0
        package var rendered = 0
        package var stamps = 0
        package var refused = 0
        /// Listings filled from a list stamp (`ListStamp`), and list stamps made.
        package var listed = 0
        package var listStamps = 0
    }

    private let lock = NSLock()
    private var entries: [Key: Entry] = [:]
    private var counts = Counts()
    private var mismatches: [String] = []

    /// Keeps what `DOSSIER_VERIFY=1` found: a stamp that filled a page otherwise than swift-mustache.
    func noteMismatch(_ message: String) {
        lock.lock()
        mismatches.append(message)
        lock.unlock()
    }

    /// The mismatches noted so far, in order.
    var verificationFailures: [String] {
        lock.lock()
        defer { lock.unlock() }
        return mismatches
    }

    /// What to do for a page of shape `key`: fill a stamp, make one, or render directly.
    enum Decision<Stamp> {
        case fill(Stamp)
        case make
        case render
    }

    func decide(_ key: Key) -> Decision<TemplateStamp> {
        lock.lock()
        defer { lock.unlock() }
        switch entries[key] {
        case .ready(let stamp)?:
            counts.stamped += 1
            return .fill(stamp)
        case .seen?:
            entries[key] = .building
            return .make
        case nil:
            entries[key] = .seen
            counts.rendered += 1
            return .render
        case .building?, .refused?, .list?:
            counts.rendered += 1
            return .render
        }
    }

    /// What to do for a listing of shape `key`: a list stamp is made at once, since a listing's
    /// shape seldom comes twice in a build (it does in every rebuild of `dossier serve`).
    func decideList(_ key: Key) -> Decision<ListStamp> {
        lock.lock()
        defer { lock.unlock() }
        switch entries[key] {
        case .list(let stamp)?:
            counts.listed += 1
            return .fill(stamp)
        case nil, .seen?:
            entries[key] = .building
            return .make
        case .building?, .refused?, .ready?:
            counts.rendered += 1
            return .render
        }
    }

    func finishList(_ key: Key, stamp: ListStamp?) {
        lock.lock()
        defer { lock.unlock() }
        if let stamp {
            entries[key] = .list(stamp)
            counts.listStamps += 1
            counts.listed += 1
        } else {
            entries[key] = .refused
            counts.refused += 1
            counts.rendered += 1
        }
    }

    func finish(_ key: Key, stamp: TemplateStamp?) {
        lock.lock()
        defer { lock.unlock() }
        if let stamp {
            entries[key] = .ready(stamp)
            counts.stamps += 1
        } else {
            entries[key] = .refused
            counts.refused += 1
        }
        counts.rendered += 1
    }

    var snapshot: Counts {
        lock.lock()
        defer { lock.unlock() }
        return counts
    }
}
