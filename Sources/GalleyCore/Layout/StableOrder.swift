/// Index orders the sweeps of the line builder need, computed without a general comparison sort.
enum StableOrder {
    /// The indexes of `values` in ascending order of value, equal values in index order (what a stable
    /// sort gives).
    ///
    /// How: the indexes are dealt into as many buckets as there are values, by where each value lies
    /// between the smallest and the largest (a monotone map, so the buckets come in value order), then
    /// each bucket is put in order on its own. Glyph and fragment edges spread across the page, so a
    /// bucket holds one or two indexes, or a run of equal values (a column's left edge) already in order.
    static func ascending(_ values: [Double]) -> [Int] {
        let n = values.count
        // (Values that are not finite cannot be dealt: those get the plain stable sort.)
        guard n > 1, values.allSatisfy(\.isFinite), let lo = values.min(), let hi = values.max(), hi > lo else {
            return values.indices.sorted { values[$0] < values[$1] }
        }
        let scale = Double(n - 1) / (hi - lo)
        func bucket(_ v: Double) -> Int { min(n - 1, Int((v - lo) * scale)) }
        var start = [Int](repeating: 0, count: n + 1)
        for v in values { start[bucket(v) + 1] += 1 }
        for b in 0..<n { start[b + 1] += start[b] }
        var order = [Int](repeating: 0, count: n)
        var next = start
        for (i, v) in values.enumerated() {
            let b = bucket(v)
            order[next[b]] = i
            next[b] += 1
        }
        // Within a bucket, by value and then index (the deal kept index order).
        for b in 0..<n where start[b + 1] - start[b] > 1 {
            order[start[b]..<start[b + 1]].sort { values[$0] != values[$1] ? values[$0] < values[$1] : $0 < $1 }
        }
        return order
    }
}
