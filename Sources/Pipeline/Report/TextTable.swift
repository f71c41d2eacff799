/// A plain-text table whose columns line up for Chinese text too (a CJK character is two cells wide).
public struct TextTable: Sendable {
    public var headers: [String]
    public var rows: [[String]] = []
    /// Columns aligned right (numbers).
    public var rightAligned: Set<Int> = []

    public init(headers: [String], rightAligned: Set<Int> = []) {
        self.headers = headers
        self.rightAligned = rightAligned
    }

    public mutating func add(_ row: [String]) { rows.append(row) }

    public static func width(_ s: String) -> Int {
        var w = 0
        for scalar in s.unicodeScalars {
            let v = scalar.value
            w +=
                (v >= 0x1100
                    && (v <= 0x115F || (v >= 0x2E80 && v <= 0xA4CF) || (v >= 0xAC00 && v <= 0xD7A3)
                        || (v >= 0xF900 && v <= 0xFAFF) || (v >= 0xFE30 && v <= 0xFE4F) || (v >= 0xFF00 && v <= 0xFF60)
                        || (v >= 0xFFE0 && v <= 0xFFE6)))
                ? 2 : 1
        }
        return w
    }

    /// Cuts `s` to at most `cells` display cells, marking the cut with `…`.
    public static func truncate(_ s: String, _ cells: Int) -> String {
        guard width(s) > cells else { return s }
        var out = ""
        var w = 0
        for ch in s.unicodeScalars {
            let cw = width(String(ch))
            if w + cw > cells - 1 { break }
            out.unicodeScalars.append(ch)
            w += cw
        }
        return out + "…"
    }

    public func render() -> String {
        var widths = headers.map(TextTable.width)
        for row in rows {
            for (i, cell) in row.enumerated() where i < widths.count {
                widths[i] = max(widths[i], TextTable.width(cell))
            }
        }
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for (i, cell) in cells.enumerated() {
                let pad = String(repeating: " ", count: max(0, widths[i] - TextTable.width(cell)))
                parts.append(rightAligned.contains(i) ? pad + cell : cell + pad)
            }
            var text = parts.joined(separator: "  ")
            while text.hasSuffix(" ") { text.removeLast() }
            return text
        }
        var out = line(headers) + "\n"
        out += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
        for row in rows { out += line(row) + "\n" }
        return out
    }
}
