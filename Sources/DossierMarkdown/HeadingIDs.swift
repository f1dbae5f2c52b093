/// Gives each heading of a page an id no other heading (and no reserved id) has: the base id
/// itself when free, else `base-1`, `base-2`, … the first one free.
///
/// The counter of each base is kept from heading to heading: ids are only ever added, so a
/// suffix found taken once stays taken, and the next heading with the same base starts where the
/// last one stopped. A page of n headings costs O(n) probes, not O(n²).
struct HeadingIDs {
    private var used: Set<String>
    /// The next suffix to try for each base id.
    private var nextSuffix: [String: Int] = [:]
    /// How many ids were looked up in `used`, for the tests.
    private(set) var probes = 0

    init(reserved: Set<String>) {
        used = reserved
    }

    /// The id for a heading whose id would be `base`, now taken.
    mutating func take(_ base: String) -> String {
        probes += 1
        guard used.contains(base) else {
            used.insert(base)
            return base
        }
        var suffix = nextSuffix[base] ?? 1
        var id = "\(base)-\(suffix)"
        probes += 1
        while used.contains(id) {
            suffix += 1
            id = "\(base)-\(suffix)"
            probes += 1
        }
        nextSuffix[base] = suffix + 1
        used.insert(id)
        return id
    }
}
