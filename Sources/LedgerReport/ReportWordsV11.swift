import LedgerCore

/// The fixed text of a report's v1.1 sections (commitments, suspensions, the disclosure clock), in one language.
struct ReportWordsV11 {
    let commitmentEvents, commitmentsPaid, suspensions, clock, clockText: String
    let event, commitment, title, supplier, value, previous, note, paidInQuarter, valueAtEnd, paidAtEnd, remainingAtEnd, status: String
    let open, terminatedStatus, scope, since, basis, resumed, days, inForce, dateSigned, entered, onTimeWord, lateWord: String
    let events: [AuditReport.CommitmentEventRow.Event: String]
    let bases: [SuspensionBasis: String]
    let scopeNames: [String: String]

    static let english = ReportWordsV11(
        commitmentEvents: "Commitments signed, amended or terminated", commitmentsPaid: "Payments under commitments",
        suspensions: "Suspensions", clock: "Disclosure clock",
        clockText: "A commitment at or above the threshold ({}) must enter the ledger within {} days of signing. On time: {}; late: {}.",
        event: "Event", commitment: "Commitment", title: "Title", supplier: "Supplier", value: "Value", previous: "Previous value",
        note: "Reference or reason", paidInQuarter: "Paid in quarter (net)", valueAtEnd: "Value at end", paidAtEnd: "Paid at end (net)",
        remainingAtEnd: "Remaining at end", status: "Status",
        open: "open", terminatedStatus: "terminated", scope: "Scope", since: "Suspended (UTC)", basis: "Basis", resumed: "Resumed",
        days: "Days", inForce: "in force at the end of the quarter", dateSigned: "Signed", entered: "Entered the ledger (UTC)",
        onTimeWord: "on time", lateWord: "LATE",
        events: [.signed: "signed", .amended: "amended", .terminated: "terminated"],
        bases: [.humanRights: "human rights", .auditFinding: "audit finding", .courtOrder: "court order",
                .agreementBreach: "breach of the agreement", .other: "other"],
        scopeNames: ["program": "program", "municipality": "municipality", "commitment": "commitment"])

    static let spanish = ReportWordsV11(
        commitmentEvents: "Compromisos firmados, modificados o terminados", commitmentsPaid: "Pagos con cargo a compromisos",
        suspensions: "Suspensiones", clock: "Reloj de divulgación",
        clockText: "Un compromiso igual o superior al umbral ({}) debe registrarse en el libro mayor dentro de los {} días siguientes a su firma. A tiempo: {}; con retraso: {}.",
        event: "Evento", commitment: "Compromiso", title: "Título", supplier: "Proveedor", value: "Valor", previous: "Valor anterior",
        note: "Referencia o motivo", paidInQuarter: "Pagado en el trimestre (neto)", valueAtEnd: "Valor al cierre",
        paidAtEnd: "Pagado al cierre (neto)", remainingAtEnd: "Disponible al cierre", status: "Estado",
        open: "vigente", terminatedStatus: "terminado", scope: "Ámbito", since: "Suspendido (UTC)", basis: "Fundamento",
        resumed: "Reanudado", days: "Días", inForce: "vigente al cierre del trimestre", dateSigned: "Firmado",
        entered: "Registrado en el libro mayor (UTC)", onTimeWord: "a tiempo", lateWord: "CON RETRASO",
        events: [.signed: "firmado", .amended: "modificado", .terminated: "terminado"],
        bases: [.humanRights: "derechos humanos", .auditFinding: "hallazgo de auditoría", .courtOrder: "orden judicial",
                .agreementBreach: "incumplimiento del convenio", .other: "otro"],
        scopeNames: ["program": "programa", "municipality": "municipio", "commitment": "compromiso"])
}
