/// Items being built left to right (fragments, lines) filed by a height on the page, the centre or the
/// bottom of their last glyph, in rows `cell` tall: a glyph or fragment looks only at the items of the
/// rows within its baseline tolerance, not at every open item on the page.
///
/// The rows are one dense array over the page's height (no hashing, each row's list edited in place).
/// Entries go stale when an item's last glyph moves to another row or the item can take no more; the
/// callers drop them as they meet them (`remove(at:row:)`). Callers test every candidate and break ties
/// by item number, so what they choose does not depend on where the rows begin and end, only on every
/// item within reach being found: any monotone map of heights to rows does. Coarser rows (see
/// `maxRows`) only hold more candidates; `row(_:)` multiplies by the inverse cell and truncates (no
/// division and no `floor` call: it runs for every glyph and candidate).
struct RowBuckets {
    /// At most this many rows: heights far apart (a broken file) make the cells taller instead.
    static let maxRows = 1 << 16

    let cell: Double
    private let low: Double
    private let inverseCell: Double
    private let lastRow: Int
    private var rows: [[Int]]

    /// Rows for heights from `low` to `high`; heights beyond fall into the first or last row.
    init(cell: Double, low: Double, high: Double) {
        let span = max(0, high - low)
        let c = span / cell >= Double(RowBuckets.maxRows - 1) ? span / Double(RowBuckets.maxRows - 1) : cell
        self.cell = c
        self.low = low
        inverseCell = 1 / c
        lastRow = Int.checked(span * inverseCell, in: 0...(RowBuckets.maxRows - 1))
        rows = [[Int]](repeating: [], count: lastRow + 1)
    }

    /// The row of height `y` (monotone in `y`).
    func row(_ y: Double) -> Int {
        let r = (y - low) * inverseCell
        return !(r > 0) ? 0 : r >= Double(lastRow) ? lastRow : Int(r)    // (not a number: row 0)
    }

    /// The rows holding heights within `reach` of `y`.
    func rows(around y: Double, reach: Double) -> ClosedRange<Int> { row(y - reach)...row(y + reach) }

    func count(row k: Int) -> Int { rows[k].count }

    func item(_ j: Int, row k: Int) -> Int { rows[k][j] }

    mutating func file(_ item: Int, row k: Int) { rows[k].append(item) }

    /// Drops the `j`th entry of row `k` (the row's last entry takes its place).
    mutating func remove(at j: Int, row k: Int) {
        rows[k].swapAt(j, rows[k].count - 1)
        rows[k].removeLast()
    }
}
