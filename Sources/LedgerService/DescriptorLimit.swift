#if canImport(Glibc)
import Glibc
#endif

/// The process's limit on open file descriptors, raised at start so that the connection limit
/// is reached long before descriptors run out.
enum DescriptorLimit {
    /// Raises the soft limit towards `connections + ServiceLimits.descriptorsReserve` (never past
    /// the hard limit) and returns the connection limit that fits: `connections`, or fewer if the
    /// descriptors the process may have cannot hold that many with the reserve beside them.
    static func fit(connections: Int) -> (connections: Int, descriptors: Int, raised: Bool) {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return (connections, -1, false) }
        let wanted = rlim_t(connections + ServiceLimits.descriptorsReserve)
        var raised = false
        if limit.rlim_cur < wanted {
            var higher = limit
            higher.rlim_cur = min(wanted, limit.rlim_max)
            if setrlimit(Int32(RLIMIT_NOFILE.rawValue), &higher) == 0 { (limit, raised) = (higher, true) }
        }
        let soft = Int(clamping: limit.rlim_cur)
        return (max(1, min(connections, soft - ServiceLimits.descriptorsReserve)), soft, raised)
    }
}
