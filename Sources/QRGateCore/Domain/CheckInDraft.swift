import Foundation

/// Everything known about one check-in at the moment of capture, before it is stored.
public struct CheckInDraft: Sendable, Hashable {
    /// Conditions worth showing to staff or supervisors; never errors.
    public enum Flag: String, Sendable, Hashable, CaseIterable, Codable, Comparable {
        /// An exit with no open entry at this site.
        case exitWithoutEntry = "exit_without_entry"
        /// The wall clock read earlier than the build date (a board without RTC).
        case clockBeforeBuildDate = "clock_before_build_date"
        /// The ID card and the certificate name different people.
        case identityMismatch = "identity_mismatch"
        /// A quarantine resident stayed out longer than allowed.
        case overdueReturn = "overdue_return"
        /// The only identity presented is unsigned (the citizen-ID card QR, which anyone can
        /// print): staff compare it with the card itself.
        case unsignedIdentity = "unsigned_identity"

        public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
    }

    /// Unique id given at capture (UUIDv7).
    public var id: String
    /// Gate that recorded it.
    public var gate: String
    /// Site of the gate.
    public var site: String
    /// Entry or exit.
    public var direction: Direction
    /// Who (personal data).
    public var subject: Subject
    /// A stable key for pairing entries and exits of the same person (personal data), or nil.
    public var subjectKey: String?
    /// What the credential proved.
    public var credential: CredentialSummary
    /// The health declaration, if one was made.
    public var declaration: HealthDeclaration?
    /// The decision.
    public var decision: Decision
    /// Wall-clock time of capture.
    public var wallTime: Date
    /// Boot-relative monotonic stamp in nanoseconds (CLOCK_BOOTTIME).
    public var bootNanoseconds: UInt64
    /// Whether the system clock was synchronised at capture.
    public var clockSynced: Bool
    /// Flags raised at capture.
    public var flags: Set<Flag>
    /// The check-in id of a receipt presented with this scan and bound to this person (an exit
    /// pairs with it when the entry was recorded at another gate). The store spends it: a
    /// second use in the same direction is refused.
    public var receiptCheckInID: String?
    /// The admitted entry that the presented receipt records, which an exit may close when the
    /// store finds no open entry by the person's pairing key (the entry was made at another lane).
    public var receiptEntryID: String?

    /// Creates a draft.
    public init(
        id: String,
        gate: String,
        site: String,
        direction: Direction,
        subject: Subject,
        subjectKey: String?,
        credential: CredentialSummary,
        declaration: HealthDeclaration? = nil,
        decision: Decision,
        wallTime: Date,
        bootNanoseconds: UInt64,
        clockSynced: Bool,
        flags: Set<Flag> = [],
        receiptCheckInID: String? = nil,
        receiptEntryID: String? = nil
    ) {
        self.id = id
        self.gate = gate
        self.site = site
        self.direction = direction
        self.subject = subject
        self.subjectKey = subjectKey
        self.credential = credential
        self.declaration = declaration
        self.decision = decision
        self.wallTime = wallTime
        self.bootNanoseconds = bootNanoseconds
        self.clockSynced = clockSynced
        self.flags = flags
        self.receiptCheckInID = receiptCheckInID
        self.receiptEntryID = receiptEntryID
    }
}
