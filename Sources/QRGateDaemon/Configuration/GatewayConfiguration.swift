/// Everything an operator can set for one gate, with defaults that run on a laptop
/// from the checkout: state in `./state`, the local API on loopback, no camera.
public struct GatewayConfiguration: Sendable, Equatable {
    /// Which way a gate records people.
    public enum GateMode: String, Sendable, CaseIterable {
        /// Every scan is an entry.
        case entry
        /// Every scan is an exit.
        case exit
        /// Entry, unless the person has an open entry at this site.
        case auto
    }

    /// Where frames come from.
    public enum ScanSource: String, Sendable, CaseIterable {
        /// Image files dropped into a folder (runs anywhere; the default).
        case folder
        /// A V4L2 camera through zbar's video API.
        case camera
        /// A hand-held 2D scanner sending decoded text lines on a tty or stdin.
        case line
    }

    /// What happens to an image file once the folder source has scanned it.
    public enum AfterScan: String, Sendable, CaseIterable {
        /// Move it into the `processed/` subfolder.
        case move
        /// Delete it.
        case delete
    }

    /// The gate's identity.
    public struct Gate: Sendable, Equatable {
        /// Gate id, unique within the site.
        public var id = "gate-01"
        /// Site (checkpoint, facility) the gate belongs to.
        public var site = "demo-site"
        /// ISO 3166-1 alpha-2 country whose rule set applies.
        public var country = "VN"
        /// Recording mode.
        public var mode = GateMode.entry
        /// The defaults.
        public init() {}
    }

    /// The local API.
    public struct HTTP: Sendable, Equatable {
        /// Host to bind; plain HTTP is only allowed on loopback.
        public var host = "127.0.0.1"
        /// TCP port; 0 picks a free one.
        public var port = 8080
        /// PEM certificate chain for TLS (relative paths under the state directory); with `tlsKey`.
        public var tlsCertificate = ""
        /// PEM private key for TLS.
        public var tlsKey = ""
        /// Whether the API serves TLS.
        public var usesTLS: Bool { !tlsCertificate.isEmpty && !tlsKey.isEmpty }
        /// Most connections held open at once; beyond it the longest-idle one is closed.
        public var maxConnections = 256
        /// Seconds a connection may stay idle (no request in progress) before it is closed.
        public var idleTimeoutSeconds = 30.0
        /// Whether `/metrics` needs an operator token; nil = only when the address is not loopback.
        public var metricsRequireToken: Bool?
        /// Whether `/metrics` needs an operator token, with the default applied.
        public var metricsNeedToken: Bool { metricsRequireToken ?? !LoopbackAddress.contains(host) }
        /// The defaults.
        public init() {}
    }

    /// The scanner's frame source.
    public struct Scanner: Sendable, Equatable {
        /// Which source feeds the scanner.
        public var source = ScanSource.folder
        /// Watched folder; relative paths are under the state directory.
        public var folder = "inbox"
        /// What to do with a scanned file (`delete` by default: a scanned image is a raw
        /// certificate or ID card, and nothing raw stays at rest unless asked for).
        public var afterScan = AfterScan.delete
        /// With `move`: most images kept in `processed/` (the oldest are deleted first).
        public var keepMaxFiles = 100
        /// With `move`: hours after which a kept image is deleted.
        public var keepMaxHours = 24.0
        /// V4L2 device for `camera`.
        public var cameraDevice = "/dev/video0"
        /// tty for `line`; `-` reads standard input.
        public var lineDevice = "-"
        /// The same payload again within this many seconds is one scan.
        public var dedupSeconds = 5.0
        /// Seconds within which codes shown one after another (ID card, then certificate) are one
        /// presentation and one check-in; 0 = every scan is decided on its own.
        public var presentationSeconds = 0
        /// Largest image accepted, in pixels, checked before decoding.
        public var maxPixels = 40_000_000
        /// The defaults.
        public init() {}
    }

    /// Local storage.
    public struct Storage: Sendable, Equatable {
        /// Days after which personal fields are purged.
        public var retentionDays = 21
        /// Disk quota for the database, in MiB.
        public var quotaMiB = 512
        /// The defaults.
        public init() {}
    }

    /// Verification data.
    public struct Trust: Sendable, Equatable {
        /// Trusted DCC signer certificates: a file or folder (PEM, DER, base64 DER, trust-list JSON);
        /// relative paths are under the state directory.
        public var path = "trust"
        /// CertLogic rule sets: a folder of `<COUNTRY>/<RULE-ID>/rule.json` or `*.json` rule files.
        public var rulesDirectory = "device-config/rules"
        /// The demo (`device-config/demo`): its signer and declaration service are trusted and the
        /// screen shows DEMO. Empty (the default) in production. Relative to the working directory.
        public var demoDirectory = ""
        /// The defaults.
        public init() {}
    }

    /// What entry requires.
    public struct Admission: Sendable, Equatable {
        /// Entry needs a valid certificate.
        public var requireCertificate = true
        /// Entry needs a health declaration.
        public var requireDeclaration = false
        /// Oldest acceptable declaration, hours.
        public var declarationMaxAgeHours = 24
        /// Quarantine-facility residents: a file of `id_number[,permit-until ISO 8601]` lines; empty = not a facility.
        public var residentsFile = ""
        /// Hours a resident may stay out before being flagged.
        public var maxHoursOutside = 4
        /// The defaults.
        public init() {}
    }

    /// Receipts handed to citizens.
    /// The kiosk screen the daemon serves at `/kiosk`.
    public struct Kiosk: Sendable, Equatable {
        /// The screen's languages when idle: `both` (Vietnamese and English side by side), `vi` or `en`.
        public var language = "both"
        /// Seconds a decision stays on the screen before it goes back to idle.
        public var resultSeconds = 8
        /// Whether the screen plays a short tone for each decision (generated in the page).
        public var sound = true
        /// The health-declaration questions the screen asks (JSON); empty: no declaration on the
        /// screen. Relative paths are under the working directory, as `trust.rules_directory`.
        public var questionsFile = "device-config/declaration-questions.json"
        /// The defaults.
        public init() {}
    }

    /// The supervisor console the daemon serves at `/console`.
    public struct Console: Sendable, Equatable {
        /// Whether the console is served.
        public var enabled = true
        /// Minutes without a request after which a console session ends.
        public var idleMinutes = 15
        /// The defaults.
        public init() {}
    }

    public struct Receipts: Sendable, Equatable {
        /// Hours a receipt stays valid at other gates of the site.
        public var validityHours = 12
        /// Folder for receipt images (PNG), relative to the state directory; empty = none written.
        public var directory = "receipts"
        /// Thermal printer: a device path such as /dev/usb/lp0, or host:9100; empty = none.
        public var printer = ""
        /// Paper width: 58mm or 80mm.
        public var paper = "58mm"
        /// The defaults.
        public init() {}
    }

    /// Gate identity.
    public var gate = Gate()
    /// Verification data.
    public var trust = Trust()
    /// Admission requirements.
    public var admission = Admission()
    /// Receipts.
    public var receipts = Receipts()
    /// The kiosk screen at `/kiosk`.
    public var kiosk = Kiosk()
    /// The supervisor console at `/console`.
    public var console = Console()
    /// Folder for the database, keys and the watched inbox.
    public var stateDirectory = "state"
    /// Local API.
    public var http = HTTP()
    /// Log level: trace, debug, info, notice, warning, error, critical.
    public var logLevel = "info"
    /// Frame source.
    public var scanner = Scanner()
    /// Storage limits.
    public var storage = Storage()
    /// The central tracing service link (off without `central.url`).
    public var central = Central()
    /// Seconds the daemon allows itself to stop gracefully; must stay below systemd's TimeoutStopSec.
    public var shutdownGraceSeconds = 10.0

    /// The defaults.
    public init() {}

    /// `path` resolved against the state directory unless it is absolute.
    public func statePath(_ path: String) -> String {
        path.hasPrefix("/") ? path : stateDirectory + "/" + path
    }
}
