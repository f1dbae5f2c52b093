/// Where the pages of `/data/` go: the index, one page per dataset, and its file beside it.
package enum DatasetURL {
    package static let index = "data/"
    /// The page of every chart of the report (`ChartsPage`), made when the site has datasets.
    package static let charts = "charts/"

    package static func page(_ name: String) -> String { "data/\(name)/" }

    /// The original file's name in the output, beside the dataset's page.
    package static func fileName(_ dataset: Dataset) -> String { PathText.lastComponent(dataset.sourcePath) }
}
