/// The calendar unit that articles are grouped by. Dates are China time (UTC+8), as exports write them.
public enum Period: String, Sendable, CaseIterable {
    case day, week, month, quarter

    /// The label of the period holding `stamp`: `2025-07-22`, `2025-W30` (ISO week), `2025-07`, `2025-Q3`;
    /// `undated` when the article has no date.
    public func label(_ stamp: Timestamp?) -> String {
        guard let t = stamp else { return "undated" }
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        switch self {
        case .day: return "\(t.year)-\(two(t.month))-\(two(t.day))"
        case .week:
            let (year, week) = Period.isoWeek(year: t.year, month: t.month, day: t.day)
            return "\(year)-W\(two(week))"
        case .month: return "\(t.year)-\(two(t.month))"
        case .quarter: return "\(t.year)-Q\((t.month - 1) / 3 + 1)"
        }
    }

    /// ISO 8601 week-numbering year and week: weeks start on Monday, week 1 holds the year's first Thursday.
    public static func isoWeek(year: Int, month: Int, day: Int) -> (year: Int, week: Int) {
        let days = Timestamp.daysFromCivil(year, month, day)
        // 1970-01-01 was a Thursday: ISO weekday 4.
        let weekday = ((days + 3) % 7 + 7) % 7 + 1
        let thursday = days - (weekday - 1) + 3
        let (thursdayYear, _, _) = Timestamp.civilFromDays(thursday)
        let yearStart = Timestamp.daysFromCivil(thursdayYear, 1, 1)
        return (thursdayYear, (thursday - yearStart) / 7 + 1)
    }
}
