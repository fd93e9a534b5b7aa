/// Validates EU DCC payloads against the JSON schema of their own `ver`.
///
/// The nine published releases (1.0.0, 1.0.1, 1.1.0, 1.2.0, 1.2.1, 1.3.0, 1.3.1, 1.3.2, 1.3.3)
/// are embedded in the library and compiled once, on first use, then shared by all threads.
///
/// Choosing a release for a `ver`: the release with exactly that version; otherwise the
/// release with the same major.minor whose patch number is nearest (ties go to the older one),
/// so `1.0.4` uses 1.0.1 and `1.3.9` uses 1.3.3; a `ver` written `MAJOR.MINOR` picks that
/// line's x.y.0 or nearest. A `ver` of another major.minor (say `1.4.0` or `2.0.0`) has no
/// schema: ``SchemaUnavailable`` is thrown and the caller decides, rather than this type
/// silently validating against rules the issuer never used.
///
/// The "exactly one of `v`/`t`/`r`" rule is the schema's from 1.3.0 on; for older releases the
/// pipeline checks it. A `null` group (`"t": null`) is reported as a type error, as the schema
/// says.
public enum DCCSchemaValidator {
    /// The embedded release versions, oldest first.
    public static let availableVersions: [String] = DCCSchemaReleases.all.map(\.version)

    private static let compiled: [String: Result<JSONSchema, SchemaCompilationError>] = {
        var result: [String: Result<JSONSchema, SchemaCompilationError>] = [:]
        for (version, text) in DCCSchemaReleases.all {
            do throws(SchemaCompilationError) {
                result[version] = .success(try JSONSchema(parsing: text))
            } catch {
                result[version] = .failure(error)
            }
        }
        return result
    }()

    /// Compiles every embedded release now (a few milliseconds) instead of on the first
    /// validation, so the first scan after start-up is as fast as the rest. Returns the versions
    /// whose schema failed to compile: empty unless the build is defective.
    @discardableResult
    public static func precompile() -> [String] {
        compiled.filter { if case .failure = $0.value { true } else { false } }.keys.sorted()
    }

    /// Validates a DCC payload against the schema of the given `ver` (e.g. "1.3.0"); throws
    /// ``SchemaUnavailable`` if no schema for that version. Returns the violations, empty when
    /// the payload is valid. Formats are checked leniently (see
    /// ``SchemaValidationOptions/FormatAssertion/lenient``).
    public static func validate(_ payload: JSONValue, version: String) throws -> [SchemaViolation] {
        try validate(payload, version: version, options: SchemaValidationOptions())
    }

    /// Validates a DCC payload against the schema of the given `ver` with explicit options.
    public static func validate(
        _ payload: JSONValue, version: String, options: SchemaValidationOptions
    ) throws(SchemaUnavailable) -> [SchemaViolation] {
        try schema(forVersion: version).validate(payload, options: options)
    }

    /// The compiled schema used for payloads of version `version`.
    public static func schema(forVersion version: String) throws(SchemaUnavailable) -> JSONSchema {
        let release = try releaseVersion(for: version)
        switch compiled[release] {
        case .success(let schema)?:
            return schema
        case .failure(let error)?:
            throw SchemaUnavailable(
                code: .damagedSchema, version: version,
                message: "the embedded DCC schema \(release) does not compile (\(error.message)); "
                    + "this is a defect of this build, report it")
        case nil:
            throw SchemaUnavailable(
                code: .unknownVersion, version: version, message: "no embedded DCC schema \(release)")
        }
    }

    /// The embedded release chosen for payload version `version` (see the type's documentation).
    public static func releaseVersion(for version: String) throws(SchemaUnavailable) -> String {
        if availableVersions.contains(version) { return version }
        guard let wanted = parse(version) else {
            throw SchemaUnavailable(
                code: .malformedVersion, version: version,
                message: "DCC version \"\(version)\" is not of the form MAJOR.MINOR.PATCH (for example 1.3.0); "
                    + "the certificate's \"ver\" field is malformed")
        }
        var best: (version: String, distance: Int, patch: Int)?
        for candidate in availableVersions {
            guard let c = parse(candidate), c.major == wanted.major, c.minor == wanted.minor else { continue }
            let distance = abs(c.patch - wanted.patch)
            if best == nil || distance < best!.distance || (distance == best!.distance && c.patch < best!.patch) {
                best = (candidate, distance, c.patch)
            }
        }
        guard let best else {
            throw SchemaUnavailable(
                code: .unknownVersion, version: version,
                message: "no DCC schema release \(wanted.major).\(wanted.minor).x is known (embedded: "
                    + availableVersions.joined(separator: ", ")
                    + "); the certificate may be newer than this gate, update qrgate")
        }
        return best.version
    }

    private static func parse(_ version: String) -> (major: Int, minor: Int, patch: Int)? {
        let parts = version.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3 else { return nil }
        var numbers: [Int] = []
        for part in parts {
            guard !part.isEmpty, part.count <= 6, part.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
                let n = Int(part)
            else { return nil }
            numbers.append(n)
        }
        return (numbers[0], numbers[1], numbers.count == 3 ? numbers[2] : 0)
    }
}
