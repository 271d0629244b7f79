/// How often each value occurs among many (a page's glyph sizes: a few dozen values over thousands of
/// glyphs). A run of equal values, such as the glyphs of one line, is counted first and filed once.
struct ValueCounts {
    private(set) var counts: [Double: Int] = [:]
    private(set) var total = 0

    init(_ values: [Double]) {
        var run = (value: 0.0, count: 0)
        for v in values {
            total += 1
            if run.count > 0 && v == run.value { run.count += 1; continue }
            if run.count > 0 { counts[run.value, default: 0] += run.count }
            run = (v, 1)
        }
        if run.count > 0 { counts[run.value, default: 0] += run.count }
    }

    /// The most frequent value (the smaller of two as frequent), nil for none.
    var mode: Double? { counts.max { a, b in a.value != b.value ? a.value < b.value : a.key > b.key }?.key }

    /// The median (the upper one of an even count), nil for none.
    var median: Double? {
        var seen = 0
        for (v, c) in counts.sorted(by: { $0.key < $1.key }) {
            seen += c
            if seen > total / 2 { return v }
        }
        return nil
    }
}
