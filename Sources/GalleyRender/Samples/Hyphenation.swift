/// Where an English word may be broken at a line end. A small rule-based hyphenator, good enough for the
/// project's own sample pages: breaks between two consonants that are not a digraph (`coun-cil`), and
/// before a single consonant between vowels (`lo-cal`), never leaving fewer than three letters on
/// either side.
enum Hyphenation {
    static let minLeft = 3, minRight = 3
    private static let vowels: Set<Character> = ["a", "e", "i", "o", "u", "y"]
    private static let digraphs: Set<String> = ["ch", "sh", "th", "ph", "wh", "ck", "gh", "qu", "gn", "kn", "wr"]

    /// Offsets (in characters from the start of `word`) after which a hyphen may go, in increasing order.
    /// A word that already has a hyphen may break only after it.
    static func breaks(in word: String) -> [Int] {
        let chars = Array(word)
        if let h = chars.firstIndex(of: "-"), h >= 2, h < chars.count - 2 { return [h + 1] }
        // Only the leading run of letters is hyphenated; trailing punctuation stays with the last part.
        var letters = 0
        while letters < chars.count && chars[letters].isLetter { letters += 1 }
        guard letters >= minLeft + minRight, letters == chars.count || !chars[letters].isLetter else { return [] }
        let w = chars[..<letters].map { Character($0.lowercased()) }
        func isVowel(_ i: Int) -> Bool { vowels.contains(w[i]) && !(w[i] == "y" && i == 0) }
        var out: [Int] = []
        for i in minLeft...(letters - minRight) {
            let leftHasVowel = (0..<i).contains(where: isVowel)
            let rightVowels = (i..<letters).filter(isVowel)
            // The right part needs a sounded vowel, not just a final silent e.
            guard leftHasVowel, rightVowels.contains(where: { !($0 == letters - 1 && w[$0] == "e") }) else { continue }
            let a = i - 1, b = i
            if !isVowel(a) && !isVowel(b) {
                if !digraphs.contains(String([w[a], w[b]])) && !(b + 1 < letters && digraphs.contains(String([w[b], w[b + 1]])) && isVowel(a - 1) == false) {
                    out.append(i)
                }
            } else if isVowel(a) && !isVowel(b) && b + 1 < letters && isVowel(b + 1) {
                out.append(i)
            }
        }
        return out
    }
}
