extension GroupStats {
    /// The 95% interval of the net stance (Student's t), clipped to [−1, 1]; `nil` for one article.
    ///
    /// Net stance is the mean of +1 (favorable), 0 (neutral) and −1 (unfavorable) over the articles,
    /// so its interval is that mean's: the band a timeline draws around the net line.
    public var netInterval: (low: Double, high: Double)? {
        guard count > 1 else { return nil }
        let n = Double(count)
        let sum = Double(favorable - unfavorable), squares = Double(favorable + unfavorable)
        let variance = max(0, (squares - sum * sum / n) / (n - 1))
        let half = GroupStats.t975(degrees: count - 1) * variance.squareRoot() / n.squareRoot()
        return (max(-1, net - half), min(1, net + half))
    }
}
