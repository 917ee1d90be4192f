package cn.lianluo.cases.cases.service;

import cn.lianluo.common.security.Caller;

import java.util.UUID;

/**
 * Who acted on a case, as its timeline keeps it (履职留痕): the role, the account's user name, its id at the identity
 * provider ({@code sub}), the person's name and, for a handling unit's staff, the unit. Those who handle the case see
 * all of it; the citizen's tracking page shows only the units' names.
 */
public record CaseActor(String role, String username, String subject, String displayName, UUID unitId) {

    /** The citizen: online submission, rating on the tracking page. No account. */
    public static final CaseActor CITIZEN = new CaseActor("CITIZEN", "citizen", null, null, null);

    /** The caller acting in its broadest role. */
    public static CaseActor of(Caller caller) {
        UUID unit = caller.unitId().map(CaseActor::uuidOrNull).orElse(null);
        return new CaseActor(caller.primaryRole(), caller.subject(), caller.accountId(), caller.displayName().orElse(null), unit);
    }

    private static UUID uuidOrNull(String raw) {
        try {
            return UUID.fromString(raw);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
