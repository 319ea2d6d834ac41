/// A day of the week; the day a weekly budget's period starts on.
///
/// The raw values are the lower-case English names the config file uses.
public enum Weekday: String, CaseIterable, Sendable {
    case sunday
    case monday
    case tuesday
    case wednesday
    case thursday
    case friday
    case saturday

    /// The day's number in Foundation's `Calendar` numbering: Sunday is 1, Saturday is 7.
    public var calendarWeekday: Int {
        switch self {
        case .sunday: 1
        case .monday: 2
        case .tuesday: 3
        case .wednesday: 4
        case .thursday: 5
        case .friday: 6
        case .saturday: 7
        }
    }
}
