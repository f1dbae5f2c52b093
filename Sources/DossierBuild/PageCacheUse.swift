import DossierModel
import DossierMarkdown
import DossierOutput

/// The page cache as one build into a folder uses it: the previous build's entries, this build's
/// keys, and the staging folder whose files a kept page must still hold.
struct PageCacheUse: Sendable {
    let previous: PageCache
    let keys: [String: UInt64]
    let staging: StagingFolder
    /// The live output folder, which holds the last build's files (nil when it cannot be read).
    let output: String?
    /// `DOSSIER_VERIFY=1`: every kept page is rendered too, and must agree with its entry.
    let verify: Bool

    /// The entry of a plain page whose key did not change and whose files the staging folder
    /// holds, each read back and hashed, or can copy from the output (`StagingFolder.keep`);
    /// they then count as written by this build.
    func kept(_ page: Page) -> PageCache.Entry? {
        guard page.kind == .page, let key = keys[page.sourcePath], let entry = previous.entries[page.sourcePath],
              entry.key == key, !entry.files.isEmpty,
              entry.files.allSatisfy({ staging.keep($0.path, size: $0.size, hash: $0.hash, output: output) }) else { return nil }
        return entry
    }

    /// Under `DOSSIER_VERIFY=1`: an error when a kept page renders otherwise than its entry says
    /// (other files, other bytes, other facts of its body).
    func disagreement(_ page: Page, _ entry: PageCache.Entry,
                      rendered: (body: RenderedMarkdown, files: [PageFile], error: Error?)) -> Diagnostic? {
        guard rendered.error != nil || rendered.files.map(\.record) != entry.files || PageCache.Facts(rendered.body) != entry.facts else {
            return nil
        }
        return .error("the page cache disagrees with a fresh render of \(page.outputPath) (DOSSIER_VERIFY=1): "
                      + "please report it; deleting .dossier/ works around it", file: page.sourcePath)
    }
}
