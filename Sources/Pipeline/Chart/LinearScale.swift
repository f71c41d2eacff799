import Foundation

/// Maps a numeric domain onto pixels and picks round tick values (1, 2, 2.5 or 5 × a power of ten).
public struct LinearScale: Sendable {
    public var domain: (low: Double, high: Double)
    public var range: (low: Double, high: Double)

    public init(domain: (Double, Double), range: (Double, Double)) {
        self.domain = domain.0 == domain.1 ? (domain.0, domain.0 + 1) : domain
        self.range = range
    }

    public func callAsFunction(_ value: Double) -> Double {
        let t = (value - domain.low) / (domain.high - domain.low)
        return range.low + t * (range.high - range.low)
    }

    /// Round values inside the domain, about `count` of them.
    public func ticks(_ count: Int = 5) -> [Double] {
        let span = domain.high - domain.low
        guard span > 0, count > 0 else { return [domain.low] }
        let raw = span / Double(count)
        let magnitude = pow(10, (log10(raw)).rounded(.down))
        let step = [1, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? raw
        var ticks: [Double] = []
        var k = (domain.low / step).rounded(.up)
        while k * step <= domain.high + step * 1e-9 {
            let value = k * step
            ticks.append(abs(value) < step * 1e-9 ? 0 : value)
            k += 1
        }
        return ticks
    }

    /// A domain from 0 to a round value at or above `maximum`, so bars start at zero and end on a tick.
    public static func countDomain(_ maximum: Int) -> (Double, Double) {
        let top = Double(max(1, maximum))
        let scale = LinearScale(domain: (0, top), range: (0, 1))
        let ticks = scale.ticks(5)
        let step = ticks.count > 1 ? ticks[1] - ticks[0] : 1
        return (0, (top / step).rounded(.up) * step)
    }
}
