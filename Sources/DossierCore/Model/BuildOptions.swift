/// What the user asked of this build, from the command line.
public struct BuildOptions: Sendable, Equatable {
    /// Build pages marked `draft: true`.
    public var includeDrafts: Bool
    /// Force portable links (`index.html` named explicitly) whatever `site.yaml` says.
    public var portable: Bool
    /// Treat warnings as errors.
    public var strict: Bool

    public init(includeDrafts: Bool = false, portable: Bool = false, strict: Bool = false) {
        self.includeDrafts = includeDrafts
        self.portable = portable
        self.strict = strict
    }
}
