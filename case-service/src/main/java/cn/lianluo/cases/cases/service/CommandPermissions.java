package cn.lianluo.cases.cases.service;

import cn.lianluo.cases.cases.domain.CaseCommand;
import cn.lianluo.cases.cases.persistence.CaseEntity;
import cn.lianluo.common.problem.ProblemException;
import cn.lianluo.common.region.RegionCode;
import cn.lianluo.common.security.Caller;
import cn.lianluo.common.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.EnumSet;
import java.util.Set;

/** Who may give which command on which case (DESIGN §4): handlers act on their unit's cases, deputies as themselves. */
@ApplicationScoped
public class CommandPermissions {

    /** What a handling unit does itself. */
    private static final Set<CaseCommand> HANDLER_COMMANDS = EnumSet.of(CaseCommand.ACCEPT, CaseCommand.COMPLETE,
            CaseCommand.ESCALATE, CaseCommand.RETURN, CaseCommand.PAUSE, CaseCommand.RESUME, CaseCommand.REQUEST_EXTENSION,
            CaseCommand.REPLY);
    /** What only the unit the case is assigned to does: 退回 says "not ours", which no one says for it. */
    private static final Set<CaseCommand> UNIT_ONLY_COMMANDS = EnumSet.of(CaseCommand.RETURN);
    /**
     * What the receiving deputy (第一责任人) does. Not the 回访: the satisfaction that scores a deputy comes from the
     * citizen (rating by tracking code) or from staff, never from the deputy who received the case.
     */
    private static final Set<CaseCommand> DEPUTY_COMMANDS = EnumSet.of(CaseCommand.ANSWER, CaseCommand.REPLY);
    /** What only the people's-congress office decides. */
    private static final Set<CaseCommand> SUPERVISOR_COMMANDS = EnumSet.of(CaseCommand.APPROVE_EXTENSION,
            CaseCommand.DENY_EXTENSION, CaseCommand.SUPERVISE, CaseCommand.REOPEN);

    /** Returns when the caller may give {@code command} on case {@code c}; otherwise 403. */
    public void require(CaseEntity c, CaseCommand command, Caller caller) {
        if (command == CaseCommand.VISIT && caller.hasRole(Roles.DEPUTY)) {
            // checked before the staff roles: a deputy's token that also carries one still does not rate a case
            throw ProblemException.forbidden("a deputy does not record the 回访 of a case: the satisfaction comes from "
                    + "the citizen (rating by tracking code) or from staff's return visit");
        }
        if (UNIT_ONLY_COMMANDS.contains(command) && !ofTheUnit(c, caller)) {
            throw ProblemException.forbidden("only the unit the case is assigned to returns it (" + command.label() + ")");
        }
        if (caller.hasRole(Roles.ADMIN) || caller.hasRole(Roles.SUPERVISOR)) {
            caller.requireWithin(RegionCode.of(c.regionCode));
            return;
        }
        if (caller.hasRole(Roles.STATION_STAFF) && !SUPERVISOR_COMMANDS.contains(command)) {
            caller.requireWithin(RegionCode.of(c.regionCode));
            return;
        }
        if (caller.hasRole(Roles.HANDLER) && HANDLER_COMMANDS.contains(command)) {
            if (ofTheUnit(c, caller)) {
                return;
            }
            throw ProblemException.forbidden("a handling unit acts only on the cases assigned to it");
        }
        if (caller.hasRole(Roles.DEPUTY) && DEPUTY_COMMANDS.contains(command)) {
            if (c.receivingDeputyId != null && caller.deputyId().map(c.receivingDeputyId.toString()::equals).orElse(false)) {
                return;
            }
            throw ProblemException.forbidden("a deputy acts only on the cases they received");
        }
        throw ProblemException.forbidden("your role does not " + command.path() + " cases");
    }

    /** A handler of the unit the case is assigned to. */
    private static boolean ofTheUnit(CaseEntity c, Caller caller) {
        return caller.hasRole(Roles.HANDLER) && c.unitId != null
                && caller.unitId().map(c.unitId.toString()::equals).orElse(false);
    }

    /**
     * Returns when the caller, who may give {@code command}, may also give the new unit a fresh handling clock
     * ({@code resetClock}): only with an escalation (400 otherwise), and only the people's-congress office (403).
     */
    public void requireClockReset(CaseCommand command, Caller caller) {
        if (command != CaseCommand.ESCALATE) {
            throw ProblemException.invalid("resetClock", "read by " + CaseCommand.ESCALATE.path() + " only");
        }
        if (!caller.hasRole(Roles.ADMIN) && !caller.hasRole(Roles.SUPERVISOR)) {
            throw ProblemException.forbidden("only a supervisor resets the handling clock on escalation; without "
                    + "resetClock the new unit has the working time that was left");
        }
    }
}
