/// Why an approval does not count (R6): the field to fix and the message. Decided by
/// `ReplayState.approvalKey(by:genesis:)` and `ReplayState.institutionTaken`, for the replay of an
/// entry and for the store's approval path alike.
public struct ApprovalRefusal: Error, Sendable, Equatable {
    /// `key`, `signature` or `institution`.
    public let field: String
    public let message: String
}

extension ReplayState {
    /// R6 for the key of an approval by `name`: the key in force (for the genesis entry, the one
    /// its body lists; otherwise one added and not revoked), an approver, of SHCP or USAID.
    public func approvalKey(by name: String, genesis: GenesisBody?) -> Result<KeyObject, ApprovalRefusal> {
        let key: KeyObject
        if let genesis {
            guard let k = genesis.keys.first(where: { $0.name.sameUTF8(name) }) else {
                return .failure(ApprovalRefusal(field: "key", message: "approval by \(name): the genesis body lists no such key"))
            }
            key = k
        } else if let record = keys[name] {
            if let revoked = record.revokedAt {
                return .failure(ApprovalRefusal(field: "key", message: "approval by \(name): key was revoked at seq \(revoked)"))
            }
            key = record.key
        } else {
            return .failure(ApprovalRefusal(field: "key", message: "approval by \(name): no such key in the ledger"))
        }
        guard key.role == .approver else {
            return .failure(ApprovalRefusal(field: "key", message: "approval by \(name): key has role \(key.role.rawValue), not approver"))
        }
        guard Self.approvingInstitutions.contains(where: { $0.sameUTF8(key.institution) }) else {
            return .failure(ApprovalRefusal(field: "key", message: "approval by \(name): key belongs to \(key.institution), which does not approve"))
        }
        return .success(key)
    }

    /// R6: one approval per institution. Refuses `key` when the approval already counted (by
    /// `earlierKey`, of `earlierInstitution`) is of its institution.
    public func institutionTaken(_ key: KeyObject, earlierKey: String, earlierInstitution: String) -> ApprovalRefusal? {
        guard earlierInstitution.sameUTF8(key.institution) else { return nil }
        return ApprovalRefusal(field: "institution", message: "\(key.institution) has already approved (key \(earlierKey)); one approval per institution")
    }

    /// The message of a signature that does not verify (R6).
    public static func badSignature(by name: String) -> ApprovalRefusal {
        ApprovalRefusal(field: "signature", message: "approval by \(name): signature does not verify over this ledger, kind and body")
    }

    /// The institutions whose approvers co-sign every entry (SPEC §4).
    public static let approvingInstitutions = ["SHCP", "USAID"]
}
