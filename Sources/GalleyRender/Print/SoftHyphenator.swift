/// Marks places where long Latin words may be broken at a line end, with soft hyphens (U+00AD).
/// Pango breaks there only when a line needs it, and then shows a hyphen; elsewhere the mark is
/// invisible and absent from extracted text. Without hyphenation dictionaries on the system, the
/// rule is the classic syllable one: a single consonant between vowels starts the next syllable
/// (ba-con); in a longer run of consonants the break goes before the longest run-end that can begin
/// an English or German syllable (con-struc-tion, host-name, thought-ful). A few letters stay on each side.
struct SoftHyphenator {
    /// Words shorter than this are never broken.
    var minWord = 7
    /// Letters kept before the first and after the last break.
    var minLeft = 3
    var minRight = 3

    static let softHyphen: Character = "\u{AD}"
    private static let vowels = Set("aeiouyàáâäãåæèéêëìíîïòóôöõøùúûüýœ")
    /// Consonant groups that can begin a syllable.
    private static let onsets: Set<String> = [
        "bl", "br", "ch", "cl", "cr", "dr", "fl", "fr", "gl", "gr", "kn", "ph", "pl", "pr", "qu", "sc", "sh", "sk",
        "sl", "sm", "sn", "sp", "st", "sw", "th", "tr", "tw", "wh", "wr", "chr", "sch", "scr", "shr", "spl", "spr",
        "str", "thr",
    ]
    /// The longest consonant group in `onsets`.
    private static let longestOnset = onsets.map(\.count).max() ?? 0

    func hyphenate(_ text: String) -> String {
        var out = ""
        var word = ""
        for ch in text {
            if ch.isLetter, let v = ch.unicodeScalars.first?.value, v < 0x250 {
                word.append(ch)
            } else {
                out += hyphenateWord(word)
                word = ""
                out.append(ch)
            }
        }
        return out + hyphenateWord(word)
    }

    func hyphenateWord(_ word: String) -> String {
        let letters = Array(word)
        guard letters.count >= minWord else { return word }
        // Acronyms and words in capitals are left alone.
        if letters.dropFirst().contains(where: \.isUppercase) { return word }
        let lower = letters.map { Character($0.lowercased()) }
        func isVowel(_ i: Int) -> Bool { Self.vowels.contains(lower[i]) }
        var breaks: [Int] = []
        var i = 0
        while i < lower.count && !isVowel(i) { i += 1 }      // the word's first syllable onset
        while i < lower.count {
            while i < lower.count && isVowel(i) { i += 1 }   // a vowel group
            let start = i
            while i < lower.count && !isVowel(i) { i += 1 }  // the consonants after it
            guard i < lower.count else { break }             // final consonants: no break
            let length = i - start
            var at = start
            if length == 1 {
                at = lower[start] == "x" ? start + 1 : start
            } else if lower[start] == "c" && lower[start + 1] == "k" {
                at = start + 2
            } else {
                // The longest onset that ends the run (no onset is longer than `longestOnset`).
                at = i - 1
                for k in stride(from: min(length - 1, Self.longestOnset), through: 2, by: -1)
                where Self.onsets.contains(String(lower[(i - k)..<i])) {
                    at = i - k
                    break
                }
            }
            if at >= minLeft && at <= letters.count - minRight { breaks.append(at) }
        }
        var out = ""
        var next = 0  // the first break not yet placed (`breaks` ascends)
        for (k, ch) in letters.enumerated() {
            if next < breaks.count && breaks[next] == k {
                out.append(Self.softHyphen)
                next += 1
            }
            out.append(ch)
        }
        return out
    }
}
