import DossierModel

extension SiteBuilder {
    package struct Result: Sendable {
        /// Nil when there were errors, and for a build into a folder.
        package var site: RenderedSite?
        package var diagnostics: Diagnostics
        package var stats: Stats
        /// What a build into a folder made on its way (pages, bodies, contexts, stamps): freed
        /// with the result, or left to a process that exits right after (`WorkingSet.leave()`).
        package var workingSet: WorkingSet?

        init(site: RenderedSite? = nil, diagnostics: Diagnostics, stats: Stats = Stats(), workingSet: WorkingSet? = nil) {
            self.site = site
            self.diagnostics = diagnostics
            self.stats = stats
            self.workingSet = workingSet
        }
    }

    /// The values of a finished build. Freeing them is tens of thousands of small frees for a big
    /// site (20–40 ms of one core for 10,000 pages); a process that is about to exit calls
    /// `leave()` and lets the exit take the memory back at once, as compilers do.
    package final class WorkingSet: @unchecked Sendable {
        private let values: Any

        init(_ values: Any) {
            self.values = values
        }

        /// Keeps these values until the process exits. Only for a process about to exit.
        package func leave() {
            _ = Unmanaged.passRetained(self)
        }
    }

    package struct Stats: Sendable, Equatable {
        package var pages = 0
        package var sections = 0
        package var files = 0
        package var datasets = 0
        /// Pages whose Markdown or HTML this build redid (the rest came from the previous build).
        package var rendered = 0
        /// Plain pages a one-off build took from the page cache, neither rendered nor written.
        package var unchanged = 0
    }
}
