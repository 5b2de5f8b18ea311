import Foundation
import LedgerCore

/// The languages of a quarterly report: English and Spanish, each complete on its own.
public enum ReportLanguage: String, CaseIterable, Sendable {
    case en, es

    /// The words of the report in this language. Failure messages of the verifier stay in
    /// English (they are the rules' stable wording); the report says so.
    var words: ReportWords { self == .en ? .english : .spanish }
    var wordsV11: ReportWordsV11 { self == .en ? .english : .spanish }
}

/// Fills `{}` placeholders in order.
func fill(_ template: String, _ values: CustomStringConvertible...) -> String {
    var out = ""
    var rest = Substring(template)
    for v in values {
        guard let r = rest.range(of: "{}") else { break }
        out += rest[..<r.lowerBound] + v.description
        rest = rest[r.upperBound...]
    }
    return out + rest
}

/// Every piece of fixed text a report prints, in one language.
struct ReportWords {
    let title: String
    let ledger, entries, genesisHash, headHash, root, checkpoint: String
    let verification, valid, invalid, noCheckpoint, failuresInEnglish, moreFailures: String
    let checkpointText, signedBy, unsigned, otherSignatures: String
    let period, periodText, entriesInPeriod, seqRange: String
    let byCategory, byCurrency, byProgram, byMunicipality: String
    let budgetUse, budgetAsOf, noEntriesYet: String
    let reversals, keyChanges, budgetChanges, disclosure, thresholdsText: String
    let none: String
    let seq, date, id, category, currency, program, municipality, state, count: String
    let disbursements, disbursed, reversed, net, envelope, remaining, used, noEnvelope: String
    let rule, message, reverses, amount, reason, added, revoked, payee, purpose, valueDate, reversedBy, previous: String
    let notInCatalogue, genesisEntry: String
    let footer: String
    let kinds: [EntryKind: String]
    let categories: [Category: String]
    let roles: [String: String]

    static let english = ReportWords(
        title: "Quarterly audit report",
        ledger: "Ledger", entries: "Entries", genesisHash: "Genesis hash", headHash: "Head hash", root: "Merkle root", checkpoint: "Checkpoint",
        verification: "Verification", valid: "VALID: every rule holds, replayed from genesis.",
        invalid: "INVALID: {} failure(s) found; the figures below are those of the entries the replay accepted.",
        noCheckpoint: "none in this export", failuresInEnglish: "Failure messages are given in English, as the verifier states them.",
        moreFailures: "{} further failure(s) are not listed here; jhf verify lists them all.",
        checkpointText: "{} entries, root {}, {}",
        signedBy: "signed by {}", unsigned: "no valid log-key signature", otherSignatures: " (+{} other signature lines)",
        period: "Period", periodText: "{} to {} (UTC, by the time each entry was committed)",
        entriesInPeriod: "Entries committed in the period", seqRange: "seq {} to {}",
        byCategory: "Totals by category", byCurrency: "Totals by currency", byProgram: "Totals by program",
        byMunicipality: "Totals by municipality",
        budgetUse: "Budget used against envelopes at the end of the quarter", budgetAsOf: "Cumulative from genesis to seq {}.",
        noEntriesYet: "No entries up to the end of the quarter.",
        reversals: "Reversals", keyChanges: "Key changes", budgetChanges: "Budget changes",
        disclosure: "Disbursements at or above the disclosure threshold", thresholdsText: "Thresholds: {}.",
        none: "None in this quarter.",
        seq: "Seq", date: "Committed (UTC)", id: "ID", category: "Category", currency: "Currency", program: "Program",
        municipality: "Municipality", state: "State", count: "Count",
        disbursements: "Disbursements", disbursed: "Disbursed", reversed: "Reversed", net: "Net", envelope: "Envelope",
        remaining: "Remaining", used: "Used", noEnvelope: "no envelope",
        rule: "Rule", message: "Message", reverses: "Reverses", amount: "Amount", reason: "Reason", added: "Keys added",
        revoked: "Keys revoked", payee: "Payee", purpose: "Purpose", valueDate: "Value date", reversedBy: "Reversed by",
        previous: "Previous",
        notInCatalogue: "(not in the INEGI catalogue)", genesisEntry: "genesis",
        footer: """
        Every figure comes from replaying the ledger from its genesis entry with the same rules as jhf verify; a reversal \
        counts in the quarter it was committed, under the category, program and municipality of the disbursement it reverses. \
        Amounts are in the currency shown. Sealed payment details (bank accounts, tax ids) are never part of this report. \
        Municipality names: INEGI, Marco Geoestadístico (Fuente: INEGI).
        """,
        kinds: [.genesis: "genesis", .keyUpdate: "key changes", .budgetUpdate: "budget changes", .disbursement: "disbursements", .reversal: "reversals",
                .commitment: "commitments", .amendment: "amendments", .suspension: "suspensions"],
        categories: [.humanitarianStabilization: "Humanitarian stabilization", .institutionalStrengthening: "Institutional strengthening",
                     .financialTechnicalIntel: "Financial and technical intelligence", .oversightGovernance: "Oversight and governance"],
        roles: ["approver": "approver", "log": "log", "witness": "witness"])

    static let spanish = ReportWords(
        title: "Informe trimestral de auditoría",
        ledger: "Libro mayor", entries: "Asientos", genesisHash: "Hash de génesis", headHash: "Hash del último asiento",
        root: "Raíz de Merkle", checkpoint: "Punto de control",
        verification: "Verificación", valid: "VÁLIDO: se cumplen todas las reglas, repasado desde la génesis.",
        invalid: "NO VÁLIDO: se hallaron {} falla(s); las cifras siguientes son las de los asientos que la verificación aceptó.",
        noCheckpoint: "ninguno en esta exportación",
        failuresInEnglish: "Los mensajes de falla se dan en inglés, tal como los emite el verificador.",
        moreFailures: "Otras {} falla(s) no se listan aquí; jhf verify las lista todas.",
        checkpointText: "{} asientos, raíz {}, {}",
        signedBy: "firmado por {}", unsigned: "sin firma válida de la clave de bitácora", otherSignatures: " (+{} otras líneas de firma)",
        period: "Periodo", periodText: "del {} al {} (UTC, según la hora en que se registró cada asiento)",
        entriesInPeriod: "Asientos registrados en el periodo", seqRange: "secuencia {} a {}",
        byCategory: "Totales por categoría", byCurrency: "Totales por moneda", byProgram: "Totales por programa",
        byMunicipality: "Totales por municipio",
        budgetUse: "Presupuesto ejercido frente a las asignaciones al cierre del trimestre",
        budgetAsOf: "Acumulado desde la génesis hasta la secuencia {}.",
        noEntriesYet: "No hay asientos hasta el cierre del trimestre.",
        reversals: "Reversiones", keyChanges: "Cambios de claves", budgetChanges: "Cambios de presupuesto",
        disclosure: "Desembolsos iguales o superiores al umbral de divulgación", thresholdsText: "Umbrales: {}.",
        none: "Sin registros en este trimestre.",
        seq: "Sec.", date: "Registrado (UTC)", id: "ID", category: "Categoría", currency: "Moneda", program: "Programa",
        municipality: "Municipio", state: "Estado", count: "Número",
        disbursements: "Desembolsos", disbursed: "Desembolsado", reversed: "Revertido", net: "Neto", envelope: "Asignación",
        remaining: "Disponible", used: "Ejercido", noEnvelope: "sin asignación",
        rule: "Regla", message: "Mensaje", reverses: "Revierte", amount: "Monto", reason: "Motivo", added: "Claves añadidas",
        revoked: "Claves revocadas", payee: "Beneficiario", purpose: "Objeto", valueDate: "Fecha valor", reversedBy: "Revertido por",
        previous: "Anterior",
        notInCatalogue: "(no figura en el catálogo del INEGI)", genesisEntry: "génesis",
        footer: """
        Todas las cifras provienen de repasar el libro mayor desde su asiento de génesis con las mismas reglas que jhf verify; \
        una reversión cuenta en el trimestre en que se registró, bajo la categoría, el programa y el municipio del desembolso que \
        revierte. Los montos están en la moneda indicada. Los datos de pago sellados (cuentas bancarias, RFC) nunca forman parte \
        de este informe. Nombres de municipios: INEGI, Marco Geoestadístico (Fuente: INEGI).
        """,
        kinds: [.genesis: "génesis", .keyUpdate: "cambios de claves", .budgetUpdate: "cambios de presupuesto",
                .disbursement: "desembolsos", .reversal: "reversiones",
                .commitment: "compromisos", .amendment: "modificaciones", .suspension: "suspensiones"],
        categories: [.humanitarianStabilization: "Estabilización humanitaria", .institutionalStrengthening: "Fortalecimiento institucional",
                     .financialTechnicalIntel: "Inteligencia financiera y técnica", .oversightGovernance: "Supervisión y gobernanza"],
        roles: ["approver": "aprobador", "log": "bitácora", "witness": "testigo"])
}
