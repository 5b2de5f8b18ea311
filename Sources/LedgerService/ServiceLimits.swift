/// Bounds of the HTTP service, in one place, units last.
public enum ServiceLimits {
    /// Entries returned by one `GET /v1/entries` page when no limit is given.
    public static let entriesPageDefault = 100
    /// Largest page of `GET /v1/entries`.
    public static let entriesPageMax = 1000
}
