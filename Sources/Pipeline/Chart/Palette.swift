import Foundation

/// Colours that survive colour-blindness and greyscale printing: Okabe–Ito for series, a blue–orange
/// diverging scale for stance (never red against green), grey for neutral.
public enum Palette {
    public static let ink = "#1A1A1A"
    public static let muted = "#555555"
    public static let grid = "#DDDDDD"
    public static let axis = "#888888"

    /// Okabe & Ito (2008), yellow last: it is the hardest to see on white.
    public static let series = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#000000", "#F0E442"]

    /// Label colours: dark blue, light grey, orange — three distinct grey levels when printed.
    public static let favorable = "#2166AC"
    public static let neutral = "#D4D4D4"
    public static let unfavorable = "#E08214"

    /// Stops of the diverging scale from −1 (unfavorable, orange) through white to +1 (favorable, blue).
    static let diverging: [(Double, Double, Double)] = [
        (0xB3, 0x58, 0x06), (0xFD, 0xB8, 0x63), (0xF7, 0xF7, 0xF7), (0x92, 0xC5, 0xDE), (0x21, 0x66, 0xAC),
    ]

    /// The colour of `value` in [−1, 1] on the diverging scale.
    public static func diverging(_ value: Double) -> String {
        let t = (min(1, max(-1, value)) + 1) / 2 * Double(diverging.count - 1)
        let i = min(diverging.count - 2, Int(t))
        return mix(diverging[i], diverging[i + 1], t - Double(i))
    }

    /// White to dark blue for counts, `t` in [0, 1].
    public static func sequential(_ t: Double) -> String {
        mix((0xF7, 0xFB, 0xFF), (0x08, 0x45, 0x94), min(1, max(0, t)))
    }

    static func mix(_ a: (Double, Double, Double), _ b: (Double, Double, Double), _ t: Double) -> String {
        hex(a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t, a.2 + (b.2 - a.2) * t)
    }

    static func hex(_ r: Double, _ g: Double, _ b: Double) -> String {
        let digits = Array("0123456789ABCDEF")
        var out = "#"
        for c in [r, g, b] {
            let v = Int(min(255, max(0, c.rounded())))
            out.append(digits[v / 16])
            out.append(digits[v % 16])
        }
        return out
    }

    /// Ink that reads on `fill` (`#RRGGBB`): white on dark colours, near-black on light ones.
    public static func text(on fill: String) -> String {
        let bytes = Array(fill.utf8.dropFirst())
        guard bytes.count == 6 else { return ink }
        func channel(_ i: Int) -> Double {
            let hexValue = Int(String(decoding: bytes[i..<(i + 2)], as: UTF8.self), radix: 16) ?? 0
            let c = Double(hexValue) / 255
            return c <= 0.039_28 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        let luminance = 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4)
        return luminance < 0.22 ? "#FFFFFF" : ink
    }
}
