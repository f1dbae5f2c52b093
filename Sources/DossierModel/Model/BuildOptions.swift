import Foundation

/// What the user asked of this build, from the command line.
package struct BuildOptions: Sendable, Equatable {
    /// Build pages marked `draft: true`.
    package var includeDrafts: Bool
    /// Force portable links (`index.html` named explicitly) whatever `site.yaml` says.
    package var portable: Bool
    /// Treat warnings as errors.
    package var strict: Bool

    /// Fill pages of a repeated shape from checked template stamps (`TemplateStamp`). The output
    /// is the same without; `DOSSIER_STAMPS=0` turns it off to show that.
    package var stampTemplates: Bool

    /// Check each fast path against its reference as the build goes: the YAML parser reads every
    /// front matter beside the fast reader, typography, link paths and template stamps run beside
    /// theirs, and any disagreement is an error (`DOSSIER_VERIFY=1`; `make test` builds the
    /// example so, `make bench` the synthetic sites).
    package var verify: Bool

    /// Take a plain page from the page cache (`.dossier/`) when nothing it is made from changed
    /// and the staging folder still holds its files. The output is the same without;
    /// `DOSSIER_PAGE_CACHE=0` turns it off to show that.
    package var pageCache: Bool

    package init(includeDrafts: Bool = false, portable: Bool = false, strict: Bool = false,
                stampTemplates: Bool = ProcessInfo.processInfo.environment["DOSSIER_STAMPS"] != "0",
                verify: Bool = ProcessInfo.processInfo.environment["DOSSIER_VERIFY"] == "1",
                pageCache: Bool = ProcessInfo.processInfo.environment["DOSSIER_PAGE_CACHE"] != "0") {
        self.verify = verify
        self.pageCache = pageCache
        self.includeDrafts = includeDrafts
        self.portable = portable
        self.strict = strict
        self.stampTemplates = stampTemplates
    }
}
