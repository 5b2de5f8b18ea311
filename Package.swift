// swift-tools-version:6.1
import PackageDescription

// Linux only (Debian): the store and service use Glibc and Linux calls (CLinux); no other platform is claimed.
let package = Package(
    name: "jhf-ledger",
    products: [
        .executable(name: "jhf", targets: ["jhf"]),
        .library(name: "LedgerCore", targets: ["LedgerCore"]),
        .library(name: "LedgerStore", targets: ["LedgerStore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        // C libraries from Debian: libsodium-dev and libsqlite3-dev.
        .systemLibrary(name: "CSodium", pkgConfig: "libsodium", providers: [.apt(["libsodium-dev"])]),
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        // libxml2 from Debian (libxml2-dev): the streaming SAX2 parser behind the camt.053 reader.
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        // Linux calls the Glibc module leaves out (naming a thread); a header only, nothing to link.
        .systemLibrary(name: "CLinux"),

        // Pure values and rules: canonical JSON, hashes, keys, signatures, entries, replay. No I/O.
        .target(name: "LedgerCore", dependencies: ["CSodium"]),
        // What the store layer has that needs no database (StoreError, LineReader): the statement readers use it.
        .target(name: "LedgerStoreBase", dependencies: ["LedgerCore"]),
        // The store: committed entries, proposals, approvals, sealed records; embedded SQLite (the default)
        // or PostgreSQL through PostgresNIO (a database URL).
        .target(name: "LedgerStore", dependencies: [
            "LedgerCore", "LedgerStoreBase", "CSQLite", .product(name: "PostgresNIO", package: "postgres-nio"),
            .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        // The streaming statement readers (camt.053 through libxml2's SAX2 parser, CSV): no store, so they fuzz alone.
        .target(name: "LedgerStatements", dependencies: ["LedgerCore", "LedgerStoreBase", "CLibXML2"]),
        // Bank files on top of the store: pain.001 payment orders, camt.053 and CSV statements, reconciliation runs.
        .target(name: "LedgerBank", dependencies: ["LedgerCore", "LedgerStore", "LedgerStatements", "CLibXML2"]),
        // Publishing for the public (SPEC §11): the log as C2SP tlog-tiles files, read from the store.
        .target(name: "LedgerPublish", dependencies: ["LedgerCore", "LedgerStore"]),
        // The quarterly report as Markdown and HTML (jhf report, and the public site's downloads).
        .target(name: "LedgerReport", dependencies: ["LedgerCore"]),
        // The public portal and open data (SPEC-free: OCDS, IATI, CSV), built from the published tiles.
        .target(name: "LedgerSite", dependencies: ["LedgerCore", "LedgerStore", "LedgerPublish", "LedgerReport"], resources: [.copy("Portal")]),
        // The HTTP service (Hummingbird 2): the same store and replay state as the CLI.
        .target(name: "LedgerService", dependencies: [
            "LedgerCore", "LedgerStore", "LedgerPublish", "LedgerSite", "CLinux", .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdCore", package: "hummingbird"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            // The HTTP/1 channel is the service's own (connection limit, request deadline, problem documents
            // for parser errors), built from the same NIO pieces as Hummingbird's.
            .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOHTTP1", package: "swift-nio"),
            .product(name: "NIOHTTPTypes", package: "swift-nio-extras"), .product(name: "NIOHTTPTypesHTTP1", package: "swift-nio-extras"),
            // Metrics are recorded through swift-metrics and exposed by swift-prometheus (which escapes label values).
            .product(name: "Metrics", package: "swift-metrics"), .product(name: "Prometheus", package: "swift-prometheus"),
            // Checkpoints are submitted to C2SP witnesses over HTTP.
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
        ]),
        // A C2SP tlog-witness (`jhf witness serve`): cosigns the checkpoints of the logs it is configured for.
        .target(name: "LedgerWitness", dependencies: [
            "LedgerCore", "LedgerStore", .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "Logging", package: "swift-log"), .product(name: "NIOCore", package: "swift-nio"),
        ]),
        // The `jhf` command implementations (a library so tests can drive them in-process).
        .target(name: "JHFCommands", dependencies: [
            "LedgerCore", "LedgerStore", "LedgerService", "LedgerBank", "LedgerPublish", "LedgerWitness", "LedgerReport", "LedgerSite",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
        ]),
        .executableTarget(name: "jhf", dependencies: ["JHFCommands"]),
        // Benchmarks (run from a release build); its append loop is also the crash test's child.
        .executableTarget(name: "jhf-bench", dependencies: [
            "LedgerCore", "LedgerStore", "LedgerService", "LedgerBank", "CSQLite", "JHFTestSupport",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "AsyncHTTPClient", package: "async-http-client"), .product(name: "NIOCore", package: "swift-nio"),
        ]),

        .testTarget(name: "LedgerCoreTests", dependencies: ["LedgerCore"], resources: [.copy("Fixtures")]),
        // The fuzz targets (Tests/Fuzz/run.sh builds them with libFuzzer and AddressSanitizer; a plain
        // build replays files through them, as the tests do with the seed corpus).
        .executableTarget(name: "jhf-fuzz", dependencies: ["LedgerCore", "LedgerStatements"], path: "Tests/Fuzz/Sources"),
        // Test only: an SQLite VFS that simulates power loss (unsynced writes thrown away or torn).
        .target(name: "CCrashVFS", path: "Tests/CCrashVFS", linkerSettings: [.linkedLibrary("sqlite3")]),
        // The tests' and benchmarks' own PostgreSQL clusters (Debian's server binaries, temporary directories, loopback).
        .target(name: "JHFTestSupport", path: "Tests/Support"),
        .testTarget(name: "LedgerStoreTests", dependencies: ["LedgerCore", "LedgerStore", "LedgerStoreBase", "JHFTestSupport"]),
        .testTarget(name: "LedgerPublishTests", dependencies: ["LedgerCore", "LedgerStore", "LedgerPublish"]),
        .testTarget(name: "LedgerWitnessTests", dependencies: [
            "LedgerCore", "LedgerStore", "LedgerWitness", .product(name: "HummingbirdTesting", package: "hummingbird"),
        ]),
        .testTarget(name: "LedgerBankTests", dependencies: ["LedgerCore", "LedgerStore", "LedgerBank"], resources: [.copy("Fixtures")]),
        .testTarget(name: "LedgerServiceTests", dependencies: [
            "LedgerCore", "LedgerStore", "LedgerService", "CCrashVFS", "JHFTestSupport", .product(name: "HummingbirdTesting", package: "hummingbird"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        // Runs the built `jhf` as a child process: full CLI output, schemas, exit codes, crash safety.
        .testTarget(name: "JHFCommandsTests", dependencies: ["jhf", "jhf-bench", "jhf-fuzz", "LedgerCore", "LedgerStore", "JHFTestSupport"],
                    exclude: ["Golden", "Fixtures"]),  // read from the repository path by the tests
    ],
    swiftLanguageModes: [.v6]
)
