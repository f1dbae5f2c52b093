import Foundation
import DossierModel

/// A builder that remembers its last build, for `dossier serve`: each rebuild reuses what the
/// changed files cannot have affected.
///
/// Thread-safety: calls are serialized by an internal lock, so a server may call `build` from
/// any task; builds never overlap.
package final class IncrementalBuilder: @unchecked Sendable {
    package let root: String
    package let options: BuildOptions
    private let lock = NSLock()
    private var cache = BuildCache()

    package init(root: String, options: BuildOptions = BuildOptions()) {
        self.root = root
        self.options = options
    }

    /// Builds the site in memory.
    /// - Parameter changed: paths relative to the root that changed since the last build
    ///   (nil: unknown, rebuild everything; the first build is always complete).
    package func build(changed: Set<String>? = nil) -> SiteBuilder.Result {
        lock.lock()
        defer { lock.unlock() }
        if changed == nil { cache = BuildCache() }
        cache.changed = changed
        return SiteBuilder(root: root, options: options).build(cache: &cache)
    }
}
