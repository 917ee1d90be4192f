package cn.lianluo.cases.suggestions.service;

import cn.lianluo.cases.suggestions.domain.SuggestionCommand;
import cn.lianluo.cases.suggestions.persistence.SuggestionEntity;
import cn.lianluo.cases.suggestions.persistence.SuggestionLinks;
import cn.lianluo.common.problem.ProblemException;
import cn.lianluo.common.region.RegionCode;
import cn.lianluo.common.security.Caller;
import cn.lianluo.common.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * Who may give which command on which suggestion: the people's-congress office (supervisors, admins covering its
 * region) assigns and steers it, the lead unit answers and asks for time, a co-handling unit gives its own answer, the
 * lead deputy rates it.
 */
@ApplicationScoped
public class SuggestionPermissions {

    private static final Set<SuggestionCommand> OFFICE_COMMANDS = EnumSet.of(SuggestionCommand.ASSIGN,
            SuggestionCommand.APPROVE_EXTENSION, SuggestionCommand.SUPERVISE, SuggestionCommand.MARK_KEY);
    private static final Set<SuggestionCommand> LEAD_UNIT_COMMANDS = EnumSet.of(SuggestionCommand.ANSWER,
            SuggestionCommand.REQUEST_EXTENSION);

    private final SuggestionLinks links;

    public SuggestionPermissions(SuggestionLinks links) {
        this.links = links;
    }

    /** The role the caller gives {@code command} on {@code s} in; otherwise 403. */
    public String require(SuggestionEntity s, SuggestionCommand command, Caller caller) {
        RegionCode region = RegionCode.of(s.regionCode);
        // write access is never wider than read access (get): whoever acts on a suggestion can read it
        caller.requireWithin(region);
        if (OFFICE_COMMANDS.contains(command)) {
            if ((caller.hasRole(Roles.SUPERVISOR) || caller.hasRole(Roles.ADMIN)) && caller.covers(region)) {
                return caller.primaryRole();
            }
        } else if (LEAD_UNIT_COMMANDS.contains(command)) {
            if (caller.hasRole(Roles.HANDLER) && s.leadUnitId != null
                    && caller.unitId().map(s.leadUnitId.toString()::equals).orElse(false)) {
                return Roles.HANDLER;
            }
        } else if (command == SuggestionCommand.CO_ANSWER) {
            if (caller.hasRole(Roles.HANDLER) && caller.unitId().map(UUID::fromString).filter(u -> isCoUnit(s, u)).isPresent()) {
                return Roles.HANDLER;
            }
        } else if (command == SuggestionCommand.RATE
                && caller.hasRole(Roles.DEPUTY) && caller.deputyId().map(s.leadDeputyId.toString()::equals).orElse(false)) {
            return Roles.DEPUTY;
        }
        throw ProblemException.forbidden("your role or unit does not " + command.path() + " this suggestion");
    }

    private boolean isCoUnit(SuggestionEntity s, UUID unit) {
        return !unit.equals(s.leadUnitId) && links.hasUnit(s.id, unit);
    }
}
