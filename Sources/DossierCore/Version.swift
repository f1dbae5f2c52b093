/// The version of Dossier, printed by `dossier --version`: the one place it is written.
public enum DossierVersion {
    public static let current = "0.10.0"
}
