import CLibXML2
import LedgerCore

/// Checks that bytes the tools wrote are a well-formed XML document, with libxml2 (no network,
/// no entity expansion): a payment file is recorded as ordered only after this holds.
enum XMLWellFormed {
    static func check(_ bytes: [UInt8], field: String) throws(LedgerError) {
        guard let c = xmlNewParserCtxt() else { throw LedgerError(.argument, field: field, "cannot start the XML parser") }
        defer { xmlFreeParserCtxt(c) }
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        let doc = bytes.withUnsafeBufferPointer { b in
            b.baseAddress!.withMemoryRebound(to: CChar.self, capacity: b.count) { xmlCtxtReadMemory(c, $0, Int32(b.count), nil, "UTF-8", options) }
        }
        defer { if let doc { xmlFreeDoc(doc) } }
        if doc == nil || c.pointee.wellFormed == 0 {
            let e = xmlCtxtGetLastError(c)
            let message = e.flatMap { $0.pointee.message.map { String(cString: $0) } }?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "not well-formed"
            let line = e.map { Int($0.pointee.line) } ?? 0
            throw LedgerError(.argument, field: field, "the document written is not well-formed XML (line \(line): \(message)); nothing was written or recorded")
        }
    }
}
