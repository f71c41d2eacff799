/// Periods as consecutive whole numbers, so a timeline can place them at even steps and show the
/// periods in which nothing was published as gaps instead of closing them up.
extension Period {
    /// The number of the period holding `stamp`; consecutive periods have consecutive numbers.
    public func ordinal(_ stamp: Timestamp) -> Int {
        let days = Timestamp.daysFromCivil(stamp.year, stamp.month, stamp.day)
        switch self {
        case .day: return days
        case .week:
            // 1970-01-05 (day 4) was a Monday: weeks are numbered from it, Monday to Sunday.
            return Period.floorDivide(days - 4, 7)
        case .month: return stamp.year * 12 + stamp.month - 1
        case .quarter: return stamp.year * 4 + (stamp.month - 1) / 3
        }
    }

    /// The label of period number `ordinal`, as `label(_:)` writes it.
    public func label(ordinal: Int) -> String {
        let (year, month, day): (Int, Int, Int)
        switch self {
        case .day: (year, month, day) = Timestamp.civilFromDays(ordinal)
        case .week: (year, month, day) = Timestamp.civilFromDays(ordinal * 7 + 4)
        case .month:
            (year, month, day) = (
                Period.floorDivide(ordinal, 12), ordinal - Period.floorDivide(ordinal, 12) * 12 + 1, 1
            )
        case .quarter:
            let y = Period.floorDivide(ordinal, 4)
            (year, month, day) = (y, (ordinal - y * 4) * 3 + 1, 1)
        }
        return label(Timestamp(year: year, month: month, day: day, hasTime: false))
    }

    static func floorDivide(_ a: Int, _ b: Int) -> Int {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }
}
