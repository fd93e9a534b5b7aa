import Crypto
import Foundation
import QRGateCore
import Testing

@Suite struct ReceiptTokenTests {
    let key = P256.Signing.PrivateKey()
    let now = Date(timeIntervalSince1970: 1_790_000_000)
    var claims: ReceiptClaims {
        ReceiptClaims(
            checkInID: "01920000-0000-7000-8000-000000000001", site: "site-a", gate: "gate-02", direction: .exit,
            decision: .admit, issuedAt: now, validUntil: now.addingTimeInterval(3600))
    }
    var keyring: ES256Keyring {
        var keyring = ES256Keyring()
        keyring.add(key.publicKey, gate: "gate-02", site: "site-a")
        return keyring
    }

    @Test func anotherGateOfTheSiteVerifiesOffline() throws {
        let token = try ReceiptToken.issue(claims, key: key)
        #expect(token.hasPrefix("QRG1:"))
        #expect(try ReceiptToken.verify(token, keyring: keyring, at: now.addingTimeInterval(60), site: "site-a") == claims)
    }

    @Test func everySingleCharacterChangeIsRejected() throws {
        let token = Array(try ReceiptToken.issue(claims, key: key))
        let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:")
        var accepted = 0
        for index in 5..<token.count {
            var changed = token
            changed[index] = alphabet[(alphabet.firstIndex(of: token[index])! + 7) % alphabet.count]
            if (try? ReceiptToken.verify(String(changed), keyring: keyring, at: now)) != nil { accepted += 1 }
        }
        #expect(accepted == 0)
    }

    @Test func receiptFromAKeyOutsideTheSiteIsRefused() throws {
        let forger = P256.Signing.PrivateKey()
        let forged = try ReceiptToken.issue(claims, key: forger)
        #expect {
            try ReceiptToken.verify(forged, keyring: keyring, at: now)
        } throws: { ($0 as? ReceiptError)?.code == .unknownKey }
    }

    @Test func expiredReceiptIsRefusedWithItsTime() throws {
        let token = try ReceiptToken.issue(claims, key: key)
        #expect {
            try ReceiptToken.verify(token, keyring: keyring, at: now.addingTimeInterval(3601))
        } throws: { error in
            guard let error = error as? ReceiptError else { return false }
            return error.code == .expired && error.message.contains("2026-09-21T15:13:20Z")
        }
    }

    @Test func otherSiteAndNotAReceiptAreRefused() throws {
        let token = try ReceiptToken.issue(claims, key: key)
        #expect(throws: ReceiptError.self) { try ReceiptToken.verify(token, keyring: keyring, at: now, site: "site-b") }
        #expect { try ReceiptToken.verify("HC1:ABC", keyring: keyring, at: now) } throws: { ($0 as? ReceiptError)?.code == .prefix }
    }

    @Test func aGateKeyOfAnotherSiteCannotSignReceiptsForThisSite() throws {
        // The key is known, but as a gate of site-b: a receipt it signs claiming site-a is refused.
        var mixed = ES256Keyring()
        mixed.add(key.publicKey, gate: "gate-02", site: "site-b")
        let token = try ReceiptToken.issue(claims, key: key)
        #expect {
            try ReceiptToken.verify(token, keyring: mixed, at: now, site: "site-a")
        } throws: { ($0 as? ReceiptError)?.code == .otherSite }
    }

    @Test func aReceiptIsBoundToItsPersonWithoutRevealingThem() throws {
        let keys = PersonalKeys.random()
        let person = Subject(idNumber: "001090000001", fullName: "Nguyễn Văn An", birthDate: "1990-01-15")
        var bound = claims
        bound.subjectBindings = keys.receiptBindings(person)
        let token = try ReceiptToken.issue(bound, key: key)
        let verified = try ReceiptToken.verify(token, keyring: keyring, at: now, site: "site-a")
        #expect(verified.subjectBindings.count == 2)
        // By ID card (number) or by certificate (folded name and birth date), not by anyone else.
        #expect(keys.binds(verified.subjectBindings, to: Subject(idNumber: "001090000001")))
        #expect(keys.binds(verified.subjectBindings, to: Subject(fullName: "NGUYEN VAN AN", birthDate: "1990-01-15")))
        #expect(!keys.binds(verified.subjectBindings, to: Subject(idNumber: "079090000002", fullName: "Trần Thị Bình", birthDate: "1985-02-01")))
        // Another site's secret cannot tell whose receipt it is.
        #expect(!PersonalKeys.random().binds(verified.subjectBindings, to: person))
        // Nothing of the person is in the token in the clear.
        let claimsText = verified.json().serialized()
        #expect(!claimsText.contains("001090000001") && !claimsText.lowercased().contains("nguyen"))
    }
}
