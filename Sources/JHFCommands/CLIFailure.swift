import LedgerCore
import LedgerStore

/// An error on its way out of the CLI: the text for stderr and the exit status.
///
/// This is the one place where the store's and the core's error codes meet exit codes.
struct CLIFailure: Error {
    let text: String
    let status: Int32

    init(_ text: String, status: Int32 = ExitStatus.invalid) {
        self.text = text
        self.status = status
    }

    init(_ e: StoreError) {
        let status: Int32
        switch e.code {
        case .invalid, .refused, .notFound, .conflict: status = ExitStatus.invalid
        case .io, .corrupt: status = ExitStatus.storage
        }
        self.init("error [\(e.codeName)]: \(e.description)", status: status)
    }

    init(_ e: LedgerError) {
        self.init("error [\(e.code.rawValue)]: \(e.description)", status: ExitStatus.invalid)
    }
}

/// Runs `body`, turning layer errors into `CLIFailure`s.
func guarded<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let e as StoreError {
        throw CLIFailure(e)
    } catch let e as LedgerError {
        throw CLIFailure(e)
    }
}

/// As `guarded`, for async work.
func guardedAsync<T>(_ body: () async throws -> T) async throws -> T {
    do {
        return try await body()
    } catch let e as StoreError {
        throw CLIFailure(e)
    } catch let e as LedgerError {
        throw CLIFailure(e)
    }
}
