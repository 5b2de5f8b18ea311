/// Sleeps for a background task; false when cancelled (the service is stopping).
func pause(milliseconds: Int64) async -> Bool {
    do { try await Task.sleep(for: .milliseconds(milliseconds)) } catch { return false }
    return true
}
