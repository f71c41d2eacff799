extension StringProtocol {
    /// Whether `part` occurs in this text, compared byte for byte in UTF-8.
    ///
    /// With Foundation imported, `contains(_:)` given a string resolves to Foundation's `range(of:)`,
    /// which on Linux goes through `NSString` (about 5,000 instructions a call), and the standard
    /// library's generic `firstRange(of:)` is slower still: reading and compiling the model asked
    /// three times per cue. The markers searched for (`{X}`, `*`) are ASCII, so comparing bytes
    /// finds exactly what the Foundation search found; terms are short, so a plain scan does.
    func containsUTF8(_ part: String) -> Bool {
        let needle = Array(part.utf8)
        guard let first = needle.first else { return true }
        let text = Array(utf8)
        guard text.count >= needle.count else { return false }
        for start in 0...(text.count - needle.count) where text[start] == first {
            if text[start..<(start + needle.count)].elementsEqual(needle) { return true }
        }
        return false
    }
}
