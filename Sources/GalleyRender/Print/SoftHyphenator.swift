/// Marks places where long Latin words may be broken at a line end, with soft hyphens (U+00AD).
/// Pango breaks there only when a line needs it, and then shows a hyphen; elsewhere the mark is
/// invisible and absent from extracted text. Without hyphenation dictionaries on the system, the
/// rule is the classic syllable one: split between two consonants between vowels (VC-CV), or before
/// a single consonant between vowels (V-CV), never inside common digraphs, keeping a few letters on
/// each side.
struct SoftHyphenator {
    /// Words shorter than this are never broken.
    var minWord = 7
    /// Letters kept before the first and after the last break.
    var minLeft = 3
    var minRight = 3

    static let softHyphen: Character = "\u{AD}"
    private static let vowels = Set("aeiouyàáâäãåæèéêëìíîïòóôöõøùúûüýœ")
    /// Consonant pairs that spell one sound and stay together.
    private static let digraphs: Set<String> = ["ch", "ck", "gh", "ph", "sh", "th", "wh", "qu", "gu", "ng", "sch"]

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
        var i = minLeft
        while i <= letters.count - minRight {
            // A break before letter i.
            if !isVowel(i) && isVowel(i - 1) {
                // V-CV: the single consonant starts the next syllable.
                if i + 1 < letters.count, isVowel(i + 1) { breaks.append(i) }
            } else if !isVowel(i) && !isVowel(i - 1) && isVowel(i - 2) {
                // VC-CV(C…): break after the first consonant unless the pair is one sound.
                let pair = String(lower[i - 1...i])
                var j = i
                while j < letters.count && !isVowel(j) { j += 1 }
                if j < letters.count && !Self.digraphs.contains(pair) && i != j { breaks.append(i) }
            }
            i += 1
        }
        // Keep breaks apart by at least two letters.
        var kept: [Int] = []
        for b in breaks where b >= minLeft && b <= letters.count - minRight {
            if let last = kept.last, b - last < 2 { continue }
            kept.append(b)
        }
        var out = ""
        for (k, ch) in letters.enumerated() {
            if kept.contains(k) { out.append(Self.softHyphen) }
            out.append(ch)
        }
        return out
    }
}
