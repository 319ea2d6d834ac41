import CivilCalendar

extension CivilDate {
    /// The weekday this date falls on.
    var weekday: Weekday {
        // 1970-01-01 was a Thursday.
        let sinceSunday = ((dayNumber + 4) % 7 + 7) % 7
        return Weekday.allCases[sinceSunday]
    }
}
