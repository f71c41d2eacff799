import Foundation

/// Builds SVG markup as text, escaping every attribute and text node and writing every number with
/// fixed decimals, so the same chart is the same bytes on every run and input text never becomes markup.
public struct SVG: Sendable {
    /// Fonts that hold Chinese as well as Latin glyphs, so outlet names and titles never render as boxes.
    public static let fontStack =
        "'Noto Sans CJK SC', 'Noto Sans SC', 'Noto Sans', 'PingFang SC', 'Microsoft YaHei', 'Source Han Sans SC', sans-serif"

    public let width: Double
    public let height: Double
    /// The markup inside the root element, in drawing order.
    public private(set) var body = ""

    public init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    /// Text made safe for XML: `& < > " '` escaped, and characters XML forbids (control characters,
    /// U+FFFE, U+FFFF) replaced by U+FFFD so a hostile record cannot break the document.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF
                    || (0x7F...0x9F).contains(scalar.value)
                {
                    out += "\u{FFFD}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// A coordinate with one decimal (`-0.0` written `0`), trailing `.0` dropped.
    public static func number(_ x: Double) -> String {
        guard x.isFinite else { return "0" }
        let rounded = (x * 10).rounded() / 10
        if rounded == 0 { return "0" }
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        return String(format: "%.1f", rounded)
    }

    /// A signed value for people: `+0.43`, `−0.41` (a true minus sign), `0.00`.
    public static func signed(_ x: Double, decimals: Int = 2) -> String {
        let text = String(format: "%.\(decimals)f", abs(x))
        if Double(text) == 0 { return text }
        return (x > 0 ? "+" : "\u{2212}") + text
    }

    /// An attribute list; values are escaped here, names are the caller's constants.
    static func attributes(_ attrs: [(String, String)]) -> String {
        attrs.map { " \($0.0)=\"\(escape($0.1))\"" }.joined()
    }

    public mutating func open(_ name: String, _ attrs: [(String, String)] = []) {
        body += "<\(name)\(SVG.attributes(attrs))>"
    }

    public mutating func close(_ name: String) {
        body += "</\(name)>\n"
    }

    /// An element with optional text content (escaped) and an optional tooltip (`<title>`).
    public mutating func element(_ name: String, _ attrs: [(String, String)], text: String? = nil, tip: String? = nil) {
        if text == nil && tip == nil {
            body += "<\(name)\(SVG.attributes(attrs))/>\n"
            return
        }
        body += "<\(name)\(SVG.attributes(attrs))>"
        if let tip { body += "<title>\(SVG.escape(tip))</title>" }
        if let text { body += SVG.escape(text) }
        body += "</\(name)>\n"
    }

    public mutating func rect(
        x: Double, y: Double, width: Double, height: Double, fill: String, stroke: String? = nil,
        extra: [(String, String)] = [], tip: String? = nil
    ) {
        var attrs = [
            ("x", SVG.number(x)), ("y", SVG.number(y)), ("width", SVG.number(max(0, width))),
            ("height", SVG.number(max(0, height))), ("fill", fill),
        ]
        if let stroke { attrs.append(("stroke", stroke)) }
        element("rect", attrs + extra, tip: tip)
    }

    public mutating func line(
        x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, width: Double = 1,
        extra: [(String, String)] = []
    ) {
        element(
            "line",
            [
                ("x1", SVG.number(x1)), ("y1", SVG.number(y1)), ("x2", SVG.number(x2)), ("y2", SVG.number(y2)),
                ("stroke", stroke), ("stroke-width", SVG.number(width)),
            ] + extra)
    }

    public enum Anchor: String, Sendable { case start, middle, end }

    public mutating func text(
        _ content: String, x: Double, y: Double, anchor: Anchor = .start, size: Double = 12,
        weight: String? = nil, fill: String = Palette.ink, extra: [(String, String)] = [], tip: String? = nil
    ) {
        var attrs = [
            ("x", SVG.number(x)), ("y", SVG.number(y)), ("font-size", SVG.number(size)), ("fill", fill),
        ]
        if anchor != .start { attrs.append(("text-anchor", anchor.rawValue)) }
        if let weight { attrs.append(("font-weight", weight)) }
        element("text", attrs + extra, text: content, tip: tip)
    }

    /// A polyline or polygon through `points`.
    public static func points(_ points: [(Double, Double)]) -> String {
        points.map { "\(SVG.number($0.0)),\(SVG.number($0.1))" }.joined(separator: " ")
    }

    /// The `<svg>` element; `standalone` adds the XML declaration a file on its own carries.
    public func rendered(title: String, description: String, id: String, standalone: Bool = true) -> String {
        var out = standalone ? "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" : ""
        out += "<svg xmlns=\"http://www.w3.org/2000/svg\""
        out += SVG.attributes([
            ("id", id), ("width", SVG.number(width)), ("height", SVG.number(height)),
            ("viewBox", "0 0 \(SVG.number(width)) \(SVG.number(height))"), ("font-family", SVG.fontStack),
            ("role", "img"),
        ])
        out += ">\n<title>\(SVG.escape(title))</title>\n<desc>\(SVG.escape(description))</desc>\n"
        out += "<rect width=\"100%\" height=\"100%\" fill=\"#FFFFFF\"/>\n"
        out += body
        out += "</svg>\n"
        return out
    }
}
