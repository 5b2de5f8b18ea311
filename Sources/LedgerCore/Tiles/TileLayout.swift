/// One resource of a C2SP tlog-tiles log (SPEC §11): a hash tile at a level, or an entry bundle,
/// by its index within the level and its width (256 when full).
public struct TileRef: Hashable, Sendable, CustomStringConvertible {
    public enum Kind: Hashable, Sendable {
        /// A tile of Merkle tree hashes at tile level `L` (level 0 holds the entry hashes).
        case hashes(level: Int)
        /// An entry bundle: the entries whose hashes the level-0 tile of the same index holds.
        case entries
    }

    public let kind: Kind
    public let index: Int64
    /// 1…256; 256 is a full tile.
    public let width: Int

    public init(_ kind: Kind, index: Int64, width: Int) {
        precondition(index >= 0 && (1...TileLayout.width).contains(width), "tile index or width out of range")
        if case .hashes(let level) = kind { precondition((0...TileLayout.levelMax).contains(level), "tile level out of range") }
        (self.kind, self.index, self.width) = (kind, index, width)
    }

    public var isFull: Bool { width == TileLayout.width }

    /// `tile/<L>/<N>[.p/<W>]` or `tile/entries/<N>[.p/<W>]`, relative to the log's prefix.
    public var path: String {
        let level: String
        switch kind {
        case .hashes(let l): level = String(l)
        case .entries: level = "entries"
        }
        return "tile/\(level)/\(TileLayout.indexPath(index))" + (isFull ? "" : ".p/\(width)")
    }

    public var description: String { path }

    /// Parses a path as `path` writes it; anything else (leading zeros, a width of 256 or 0,
    /// a level above 63, a misplaced `x`) is refused, so every resource has one path.
    public init(path: String) throws(LedgerError) {
        func bad(_ why: String) -> LedgerError { LedgerError(.argument, field: "path", "\(path) is not a tlog-tiles path: \(why)") }
        var parts = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count >= 3, parts[0] == "tile" else { throw bad("it must start with tile/<L>/") }
        let kind: Kind
        if parts[1] == "entries" {
            kind = .entries
        } else {
            guard let l = TileLayout.decimal(parts[1]), l <= Int64(TileLayout.levelMax) else { throw bad("the level must be 0 to 63 without leading zeros") }
            kind = .hashes(level: Int(l))
        }
        var width = TileLayout.width
        if parts.count >= 4, parts[parts.count - 2].hasSuffix(".p") {
            // `<N>.p/<W>`: the last index element carries `.p`, then the width.
            guard let w = TileLayout.decimal(parts.removeLast()), (1..<Int64(TileLayout.width)).contains(w) else {
                throw bad("a partial width must be 1 to 255 without leading zeros")
            }
            width = Int(w)
            parts[parts.count - 1].removeLast(2)
        }
        let elements = parts[2...]
        var index: Int64 = 0
        for (i, e) in elements.enumerated() {
            let last = i == elements.count - 1
            let digits = last ? Substring(e) : (e.hasPrefix("x") ? e.dropFirst() : "")
            guard digits.count == 3, digits.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else {
                throw bad("index elements are three digits, all but the last prefixed with x")
            }
            let (m, o1) = index.multipliedReportingOverflow(by: 1000)
            let (a, o2) = m.addingReportingOverflow(Int64(digits)!)
            guard !o1 && !o2 else { throw bad("the index is too large") }
            index = a
        }
        // One encoding per index: no leading x000 elements.
        guard TileLayout.indexPath(index) == elements.joined(separator: "/") else { throw bad("the index has leading zero elements") }
        self.init(kind, index: index, width: width)
    }
}

/// The tlog-tiles layout (c2sp.org/tlog-tiles): paths, and which tiles a tree of a given size has.
public enum TileLayout {
    /// Hashes in a full tile (and entries in a full bundle).
    public static let width = 256
    /// The highest tile level a path may name.
    public static let levelMax = 63
    /// Tree levels one tile level spans: 256 = 2^8.
    public static let levelBits = 8

    /// `N` as zero-padded three-digit elements, all but the last prefixed with `x`:
    /// 1234067 → `x001/x234/067`.
    public static func indexPath(_ n: Int64) -> String {
        precondition(n >= 0)
        var groups: [Int64] = []
        var rest = n
        repeat {
            groups.append(rest % 1000)
            rest /= 1000
        } while rest > 0
        func three(_ g: Int64) -> String { g < 10 ? "00\(g)" : g < 100 ? "0\(g)" : "\(g)" }
        return groups.reversed().enumerated().map { i, g in (i == groups.count - 1 ? "" : "x") + three(g) }.joined(separator: "/")
    }

    /// Every hash tile of a tree of `size` leaves, lowest level first, full tiles before the
    /// partial one of each level: `floor(size / 256^(l+1))` full tiles at level l, and a
    /// partial tile of width `floor(size / 256^l) mod 256` when that is not 0.
    public static func hashTiles(size: Int64) -> [TileRef] {
        var out: [TileRef] = []
        var level = 0
        var hashes = size   // hashes at this tile level: floor(size / 256^level)
        while hashes > 0 && level <= levelMax {
            let full = hashes / Int64(width)
            for n in 0..<full { out.append(TileRef(.hashes(level: level), index: n, width: width)) }
            let partial = Int(hashes % Int64(width))
            if partial > 0 { out.append(TileRef(.hashes(level: level), index: full, width: partial)) }
            hashes = full
            level += 1
        }
        return out
    }

    /// Every entry bundle of a log of `size` entries (the level-0 tiles' indexes and widths).
    public static func entryBundles(size: Int64) -> [TileRef] {
        hashTiles(size: size).filter { $0.kind == .hashes(level: 0) }.map { TileRef(.entries, index: $0.index, width: $0.width) }
    }

    /// A non-negative decimal without leading zeros (`0` itself allowed).
    static func decimal(_ s: String) -> Int64? {
        let b = Array(s.utf8)
        guard !b.isEmpty, b.count <= 18, b.allSatisfy({ (0x30...0x39).contains($0) }), b.count == 1 || b[0] != 0x30 else { return nil }
        return Int64(s)
    }
}
