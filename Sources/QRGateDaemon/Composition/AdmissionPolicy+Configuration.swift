import Foundation
import QRGateCore

extension AdmissionPolicy {
    /// The policy the configuration describes; reads the residents file in quarantine mode.
    /// Lines are `ID-NUMBER[,PERMIT-UNTIL[,FULL NAME,BIRTH-DATE]]` (permit ISO 8601, may be empty;
    /// name and birth date `YYYY-MM-DD` recognise the resident by a certificate); `#` starts a comment.
    public init(configuration: GatewayConfiguration) throws {
        self.init()
        requireCertificate = configuration.admission.requireCertificate
        requireDeclaration = configuration.admission.requireDeclaration
        declarationMaxAgeHours = configuration.admission.declarationMaxAgeHours
        maxHoursOutside = configuration.admission.maxHoursOutside
        let file = configuration.admission.residentsFile
        guard !file.isEmpty else { return }
        let text = try String(contentsOfFile: file, encoding: .utf8)
        for (number, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line =
                rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init)?
                .trimmingCharacters(in: .whitespaces) ?? ""
            guard !line.isEmpty else { continue }
            let fields = line.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let id = fields.first, id.count == 12, id.allSatisfy(\.isNumber) else {
                throw ConfigurationError(
                    path: file,
                    problems: [.init(key: "admission.residents_file", value: line, allowed: "a 12-digit ID number per line", line: number + 1)])
            }
            var permit: Date?
            if fields.count > 1, !fields[1].isEmpty {
                guard let until = ISO8601Timestamp.parse(fields[1]) else {
                    throw ConfigurationError(
                        path: file,
                        problems: [.init(key: "admission.residents_file", value: fields[1], allowed: "an ISO 8601 permit end time", line: number + 1)]
                    )
                }
                permit = until
            }
            var name: String?
            var birth: String?
            if fields.count > 2 {
                guard fields.count == 4, !fields[2].isEmpty, fields[3].count == 10, ISO8601Timestamp.parse(fields[3] + "T00:00:00Z") != nil else {
                    throw ConfigurationError(
                        path: file,
                        problems: [
                            .init(
                                key: "admission.residents_file", value: line, allowed: "ID-NUMBER,PERMIT-UNTIL,FULL NAME,YYYY-MM-DD", line: number + 1
                            )
                        ])
                }
                (name, birth) = (fields[2], fields[3])
            }
            residents[id] = Resident(idNumber: id, permitUntil: permit, fullName: name, birthDate: birth)
        }
    }
}
