package cn.lianluo.cases.cases.service;

import cn.lianluo.cases.cases.domain.CaseStatus;
import cn.lianluo.cases.cases.domain.Satisfaction;
import cn.lianluo.cases.cases.persistence.CaseEntity;
import cn.lianluo.cases.cases.persistence.CaseRepositories;
import cn.lianluo.cases.cases.persistence.DeadlineEntity;
import cn.lianluo.cases.units.persistence.UnitEntity;
import cn.lianluo.cases.units.persistence.UnitRepositories;
import cn.lianluo.common.events.contract.CaseEvents;
import cn.lianluo.common.outbox.Outbox;
import cn.lianluo.common.privacy.Masking;
import cn.lianluo.common.privacy.SealedContact;
import cn.lianluo.common.region.RegionCode;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Writes case events to the outbox, in the transaction of the change they report. */
@ApplicationScoped
public class CasePublisher {

    private final Outbox outbox;
    private final CaseRepositories.Deadlines deadlines;
    private final UnitRepositories.Units units;
    private final CitizenCipher cipher;
    private final CaseRepositories.Actions actions;
    private final SealedContact notifySealer;
    private final ObjectMapper mapper;

    public CasePublisher(Outbox outbox, CaseRepositories.Deadlines deadlines, UnitRepositories.Units units,
                         CitizenCipher cipher, CaseRepositories.Actions actions, ObjectMapper mapper,
                         @ConfigProperty(name = "lianluo.notify.key") String notifyKey) {
        this.cipher = cipher;
        this.mapper = mapper;
        this.notifySealer = new SealedContact(notifyKey);
        this.actions = actions;
        this.outbox = outbox;
        this.deadlines = deadlines;
        this.units = units;
    }

    /** @param stage for the clock-driven events: the stage whose deadline it is */
    public void publish(CaseEntity c, String action, String actorRole, Enum<?> previousStatus, Instant at, String stage) {
        deadlines.flush();
        publish(c, action, actorRole, previousStatus, at, stage, deadlines.of(c.id));
    }

    /** @param caseDeadlines all the case's deadlines, oldest first, as they stand in this transaction */
    public void publish(CaseEntity c, String action, String actorRole, Enum<?> previousStatus, Instant at, String stage,
                        List<DeadlineEntity> caseDeadlines) {
        publish(c, action, actorRole, previousStatus, at, stage, caseDeadlines, null);
    }

    /**
     * A command's event; {@code moved} for 转办 and 退回: why the case moved on and the unit it left, so a consumer
     * knows where it came from without the events before it.
     */
    public void publishCommand(CaseEntity c, String action, String actorRole, Enum<?> previousStatus, Instant at, Moved moved) {
        deadlines.flush();
        publish(c, action, actorRole, previousStatus, at, null, deadlines.of(c.id), moved);
    }

    /** The reason a case was transferred or returned, and the unit it was with before. */
    public record Moved(String reason, UUID previousUnitId) {
    }

    private void publish(CaseEntity c, String action, String actorRole, Enum<?> previousStatus, Instant at, String stage,
                         List<DeadlineEntity> caseDeadlines, Moved moved) {
        Map<String, CaseEvents.StageDeadline> stages = new LinkedHashMap<>();
        for (DeadlineEntity d : caseDeadlines) {
            stages.put(d.stage, new CaseEvents.StageDeadline(d.dueDate, d.dueAt, d.warnAt, d.metAt != null));
        }
        UnitEntity unit = c.unitId == null ? null : units.findById(c.unitId);
        boolean visited = "visited".equals(action);
        var data = new CaseEvents.CaseData(c.id, action, actorRole, at, c.status,
                previousStatus == null ? null : previousStatus.name(), c.regionCode, c.category, c.kind, c.urgent,
                c.channel, c.gridId, c.appointmentId, c.stationId, c.receivingDeputyId, c.unitId, unit == null ? null : unit.level, c.onTheSpot,
                c.paused, c.reopenCount, c.satisfaction, stage,
                masked(c), stages, visited ? actions.intakeRole(c.id) : null, visited ? closedSatisfied(c) : null,
                "merged".equals(action) ? c.mergedInto : null, moved == null ? null : moved.reason(),
                moved == null ? null : moved.previousUnitId());
        outbox.add(CaseEvents.type(action), c.id.toString(), RegionCode.of(c.regionCode), data);
    }

    private static boolean closedSatisfied(CaseEntity c) {
        return Satisfaction.closedSatisfied(CaseStatus.valueOf(c.status),
                c.satisfaction == null ? null : Satisfaction.valueOf(c.satisfaction));
    }

    /**
     * Events never carry the citizen whole (DESIGN §4): masked, and the phone with the tracking code sealed for
     * notification-service alone (docs/notifications.md), which opens it only to send the citizen an SMS.
     */
    private CaseEvents.Citizen masked(CaseEntity c) {
        CitizenCipher.Citizen citizen = cipher.open(c);
        return new CaseEvents.Citizen(Masking.name(citizen.name()), Masking.phone(citizen.phone()),
                sealedForNotifications(citizen.phone(), c.trackingCode));
    }

    private String sealedForNotifications(String phone, String trackingCode) {
        if (phone == null || phone.isBlank()) {
            return null;
        }
        Map<String, String> contact = new LinkedHashMap<>();
        contact.put("phone", phone);
        contact.put("trackingCode", trackingCode);
        try {
            return notifySealer.seal(mapper.writeValueAsString(contact));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a contact does not write as JSON", e);
        }
    }
}
