extension RandomAccessCollection {
    /// The first index whose element satisfies `belongsAfter`, where every element that satisfies it
    /// comes after every element that does not (a sorted collection split at a value); `endIndex`
    /// when none does. A binary search: O(log n) tests.
    func partitioningIndex(where belongsAfter: (Element) -> Bool) -> Index {
        var lo = startIndex
        var n = count
        while n > 0 {
            let half = n / 2
            let mid = index(lo, offsetBy: half)
            if belongsAfter(self[mid]) {
                n = half
            } else {
                lo = index(after: mid)
                n -= half + 1
            }
        }
        return lo
    }
}
