/// The rows of a tab-separated label file (labels.tsv, tone.tsv) with their 1-based line numbers;
/// blank lines and `#` comments left out, a BOM and CRLF endings removed.
enum TabbedLines {
    static func rows(_ text: String) -> [(line: Int, columns: [String])] {
        var rows: [(line: Int, columns: [String])] = []
        var lineNumber = 0
        // Split on the scalar: "\r\n" is one Character, so splitting on the Character "\n" would leave a
        // CRLF file as one line (and no rows at all).
        for raw in text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            var line = String(String.UnicodeScalarView(raw))
            if line.hasSuffix("\r") { line.removeLast() }
            if lineNumber == 1 && line.hasPrefix("\u{FEFF}") { line.removeFirst() }
            if line.trimmingCharacters(in: .whitespaces).isEmpty || line.hasPrefix("#") { continue }
            rows.append((lineNumber, line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)))
        }
        return rows
    }
}
