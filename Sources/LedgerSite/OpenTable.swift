import LedgerCore

/// A CSV table of the open data: its file, its columns with Frictionless types, and each
/// column's meaning in Spanish and English (the data dictionary).
struct OpenTable: Sendable {
    struct Field: Sendable {
        let name: String
        /// A Frictionless Table Schema type: string, integer, number, date, datetime, boolean.
        let type: String
        let es: String
        let en: String
        /// Whether every row has a value (a `required` constraint).
        let required: Bool
    }

    let name: String
    let path: String
    let es: String
    let en: String
    let primaryKey: String?
    let fields: [Field]

    private static func f(_ name: String, _ type: String, _ es: String, _ en: String, required: Bool = true) -> Field {
        Field(name: name, type: type, es: es, en: en, required: required)
    }

    private static let place: [Field] = [
        f("municipality", "string", "Clave geoestadística INEGI del municipio (entidad + municipio, 5 dígitos)", "INEGI municipality code (state + municipality, 5 digits)"),
        f("state_name", "string", "Nombre de la entidad federativa según INEGI", "State name as INEGI spells it", required: false),
        f("municipality_name", "string", "Nombre del municipio según INEGI", "Municipality name as INEGI spells it", required: false),
    ]

    static let disbursements = OpenTable(
        name: "disbursements", path: "csv/disbursements.csv", es: "Desembolsos", en: "Disbursements", primaryKey: "id",
        fields: [
            f("seq", "integer", "Número de la entrada en el libro mayor", "Ledger entry number"),
            f("id", "string", "Identificador del desembolso", "Disbursement identifier"),
            f("committed_at", "datetime", "Fecha y hora (UTC) en que el libro mayor registró el pago", "Date and time (UTC) the ledger recorded the payment"),
            f("value_date", "date", "Fecha valor del pago", "Payment value date"),
            f("amount", "number", "Importe en unidades de la moneda (p. ej. pesos)", "Amount in the currency's major unit (e.g. pesos)"),
            f("amount_minor", "integer", "Importe en centavos (unidad mínima de la moneda)", "Amount in minor units (cents)"),
            f("currency", "string", "Moneda (ISO 4217)", "Currency (ISO 4217)"),
            f("category", "string", "Categoría presupuestal", "Budget category"),
            f("program", "string", "Programa", "Programme"),
        ] + place + [
            f("payee", "string", "Beneficiario del pago", "Payee"),
            f("purpose", "string", "Objeto del pago", "Purpose of the payment"),
            f("commitment", "string", "Contrato (compromiso) con cargo al cual se paga, si lo hay", "Contract (commitment) the payment is made under, if any", required: false),
            f("reversed_by", "string", "Reverso que anuló este pago, si lo hay", "Reversal that cancelled this payment, if any", required: false),
            f("reversal_seq", "integer", "Número de entrada del reverso", "Ledger entry number of the reversal", required: false),
            f("reversed_at", "datetime", "Fecha y hora (UTC) en que se registró el reverso", "Date and time (UTC) the reversal was recorded", required: false),
            f("entry_url", "string", "Página que verifica la entrada en el navegador", "Page that verifies the entry in the browser"),
        ])

    static let commitments = OpenTable(
        name: "commitments", path: "csv/commitments.csv", es: "Compromisos (contratos)", en: "Commitments (contracts)", primaryKey: "id",
        fields: [
            f("seq", "integer", "Número de la entrada en el libro mayor", "Ledger entry number"),
            f("id", "string", "Identificador del compromiso", "Commitment identifier"),
            f("committed_at", "datetime", "Fecha y hora (UTC) en que el libro mayor registró el contrato", "Date and time (UTC) the ledger recorded the contract"),
            f("date_signed", "date", "Fecha de firma del contrato", "Date the contract was signed"),
            f("title", "string", "Título del contrato", "Contract title"),
            f("supplier", "string", "Proveedor", "Supplier"),
            f("procurement_method", "string", "Procedimiento de contratación (open, selective, limited, direct)", "Procurement method (open, selective, limited, direct)"),
            f("reference", "string", "Referencia del procedimiento", "Procurement reference", required: false),
            f("category", "string", "Categoría presupuestal", "Budget category"),
            f("program", "string", "Programa", "Programme"),
        ] + place + [
            f("currency", "string", "Moneda (ISO 4217)", "Currency (ISO 4217)"),
            f("original_value", "number", "Valor al firmar", "Value when signed"),
            f("value", "number", "Valor vigente tras los convenios modificatorios", "Current value after amendments"),
            f("amendments", "integer", "Número de convenios modificatorios", "Number of amendments"),
            f("disbursed", "number", "Pagado con cargo al contrato", "Paid under the contract"),
            f("reversed", "number", "Pagos reversados", "Payments reversed"),
            f("paid", "number", "Pagado neto (pagado menos reversado)", "Net paid (paid minus reversed)"),
            f("remaining", "number", "Saldo por pagar", "Remaining to be paid"),
            f("status", "string", "Estado: open (vigente) o terminated (terminado)", "Status: open or terminated"),
            f("disclosure_days", "integer", "Días desde la firma hasta su registro en el libro mayor", "Days from signing to entering the ledger"),
            f("disclosure_late", "boolean", "Registrado después de 30 días (tarde)", "Entered after more than 30 days (late)"),
            f("entry_url", "string", "Página que verifica la entrada en el navegador", "Page that verifies the entry in the browser"),
        ])

    static let suspensions = OpenTable(
        name: "suspensions", path: "csv/suspensions.csv", es: "Suspensiones y reanudaciones", en: "Suspensions and resumptions", primaryKey: "id",
        fields: [
            f("seq", "integer", "Número de la entrada en el libro mayor", "Ledger entry number"),
            f("id", "string", "Identificador de la suspensión", "Suspension identifier"),
            f("committed_at", "datetime", "Fecha y hora (UTC) en que el libro mayor la registró", "Date and time (UTC) the ledger recorded it"),
            f("action", "string", "suspend (suspender) o resume (reanudar)", "suspend or resume"),
            f("scope_field", "string", "Qué se suspende: program, municipality o commitment", "What is suspended: program, municipality or commitment"),
            f("scope_value", "string", "Programa, clave de municipio o contrato", "Programme, municipality code or contract"),
            f("basis", "string", "Fundamento (p. ej. human_rights: violaciones graves de derechos humanos)", "Basis (e.g. human_rights: serious human-rights violations)"),
            f("reason", "string", "Motivo", "Reason"),
            f("entry_url", "string", "Página que verifica la entrada en el navegador", "Page that verifies the entry in the browser"),
        ])

    static let dictionary = OpenTable(
        name: "dictionary", path: "csv/dictionary.csv", es: "Diccionario de datos", en: "Data dictionary", primaryKey: nil,
        fields: [
            f("file", "string", "Archivo", "File"),
            f("field", "string", "Columna", "Column"),
            f("type", "string", "Tipo (Frictionless Table Schema)", "Type (Frictionless Table Schema)"),
            f("descripcion_es", "string", "Descripción en español", "Description in Spanish"),
            f("description_en", "string", "Descripción en inglés", "Description in English"),
        ])

    static let all = [disbursements, commitments, suspensions, dictionary]
}
