/// The version of Dossier, printed by `dossier --version`: the one place it is written.
package enum DossierVersion {
    package static let current = "0.10.0"
}
