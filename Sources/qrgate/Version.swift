// GENERATED FILE — do not edit by hand.
//
// Regenerate: `scripts/generate-embedded` writes this file from `VERSION`, the one place the
// version is set (`scripts/package` names the Debian package after it).

/// The version of qrgate, as `qrgate --version` prints it.
let qrgateVersion = "0.1.0"
