package cn.lianluo.notification.service;

import cn.lianluo.common.events.IncomingEvent;
import cn.lianluo.common.events.contract.CaseEvents;
import cn.lianluo.common.events.contract.CaseEvents.CaseData;
import cn.lianluo.common.events.contract.CaseEvents.ProjectData;
import cn.lianluo.common.events.contract.DeputyEvents;
import cn.lianluo.common.events.contract.ScoringEvents;
import cn.lianluo.common.events.contract.StationEvents;
import cn.lianluo.common.inbox.EventHandlers;
import cn.lianluo.common.privacy.Masking;
import cn.lianluo.common.privacy.SealedContact;
import cn.lianluo.common.time.Zones;
import cn.lianluo.notification.config.NotifyConfig;
import cn.lianluo.notification.domain.AppointmentReminder;
import cn.lianluo.notification.domain.Audience;
import cn.lianluo.notification.domain.Channel;
import cn.lianluo.notification.domain.MessageStatus;
import cn.lianluo.notification.domain.Recipient;
import cn.lianluo.notification.domain.RecipientKind;
import cn.lianluo.notification.domain.Rule;
import cn.lianluo.notification.domain.RuleTable;
import cn.lianluo.notification.domain.Template;
import cn.lianluo.notification.domain.VoteSchedule;
import cn.lianluo.notification.persistence.Directory;
import cn.lianluo.notification.persistence.Messages;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The rule table at work: turns an event into its message rows, in the transaction that claimed the event (so a
 * redelivered event adds none: one row per event, recipient and channel). INBOX rows are SENT as written; SMS and
 * e-mail rows wait, PENDING, for {@link Dispatcher}. The rules and templates are checked when the service starts.
 */
@ApplicationScoped
@Startup
public class Notifier {

    private static final Map<String, String> STAGES = Map.of("ASSIGN", "交办", "HANDLE", "办理", "REPLY", "答复",
            "VISIT", "回访");
    private static final Map<String, String> APPEAL = Map.of("GRANTED", "申诉成立", "DENIED", "申诉驳回");

    private final Messages messages;
    private final Directory directory;
    private final SealedContact sealer;
    private final ObjectMapper mapper;
    private final Duration maxEventAge;

    public Notifier(Messages messages, Directory directory, SealedContact sealer, ObjectMapper mapper, NotifyConfig config) {
        RuleTable.check(RuleTable.RULES, RuleTable.TEMPLATES);
        this.maxEventAge = config.maxEventAge();
        this.messages = messages;
        this.directory = directory;
        this.sealer = sealer;
        this.mapper = mapper;
    }

    /** The consumer's table with a handler for every event type a rule names, and for the deputies' copy. */
    public EventHandlers register(EventHandlers table) {
        List<String> caseTypes = new ArrayList<>();
        List<String> projectTypes = new ArrayList<>();
        for (Rule rule : RuleTable.RULES) {
            String type = rule.eventType();
            if (type.startsWith(CaseEvents.PREFIX + "project-")) {
                if (!projectTypes.contains(type)) {
                    projectTypes.add(type);
                }
            } else if (type.startsWith(CaseEvents.PREFIX) && !caseTypes.contains(type)) {
                caseTypes.add(type);
            }
        }
        return table
                .on(CaseData.class, this::onCase, caseTypes.get(0), caseTypes.subList(1, caseTypes.size()).toArray(String[]::new))
                .on(ProjectData.class, this::onProject, projectTypes.get(0), projectTypes.subList(1, projectTypes.size()).toArray(String[]::new))
                .on(ScoringEvents.AppealDecided.class, this::onAppeal, ScoringEvents.APPEAL_DECIDED)
                .on(ScoringEvents.AlertRaised.class, this::onAlert, ScoringEvents.ALERT_RAISED)
                .on(DeputyEvents.DeputyData.class, this::onDeputy, DeputyEvents.REGISTERED, DeputyEvents.UPDATED)
                .on(DeputyEvents.MandateChanged.class, this::onMandate, DeputyEvents.MANDATE_ADDED, DeputyEvents.MANDATE_ENDED)
                .on(StationEvents.AppointmentBooked.class, this::onAppointmentBooked, StationEvents.APPOINTMENT_BOOKED)
                .on(StationEvents.AppointmentCancelled.class, this::onAppointmentCancelled, StationEvents.APPOINTMENT_CANCELLED);
    }

    /**
     * 代表有约: the citizen's reminder, written now and due the evening before the meeting ({@link AppointmentReminder}),
     * expiring when it begins. Keyed by the booking's event, so a redelivered event writes none; none for a booking whose
     * event carries no phone (written before the reminders) or whose meeting has begun.
     */
    void onAppointmentBooked(IncomingEvent event, StationEvents.AppointmentBooked data) {
        Instant now = Instant.now();
        var due = new AppointmentReminder(data.startsAt()).due(now, Zones.CHINA);
        if (data.citizen() == null || due.isEmpty()) {
            return;
        }
        Slot slot = new Slot(event.id(), due.get(), data.startsAt(), null);
        appointmentSms(event, slot, data.appointmentId(), data.regionCode(), data.startsAt(), data.stationName(),
                data.citizen(), Map.of());
    }

    /**
     * An appointment cancelled: its reminder, if still waiting, is not sent (SKIPPED, attempt CANCELLED); when the
     * deputy's slot was withdrawn, the citizen is told at once (a reminder already taken to be sent goes out).
     */
    void onAppointmentCancelled(IncomingEvent event, StationEvents.AppointmentCancelled data) {
        String reason = data.reason() == null ? StationEvents.CANCELLED_BY_CITIZEN : data.reason();
        messages.skipPending(new Recipient(RecipientKind.CITIZEN, data.appointmentId().toString()).key(),
                RuleTable.APPOINTMENT_REMINDER, Instant.now(), "CANCELLED",
                "the appointment was cancelled (" + reason + ") before its reminder was due");
        if (data.citizen() != null) {
            appointmentSms(event, new Slot(event.id(), null, data.startsAt(), null), data.appointmentId(), data.regionCode(),
                    data.startsAt(), data.stationName(), data.citizen(), Map.of("reason", reason));
        }
    }

    /** The SMS of each of the event's rules that applies, to the phone sealed in the appointment event. */
    private void appointmentSms(IncomingEvent event, Slot slot, UUID appointmentId, String regionCode, Instant startsAt,
                                String stationName, StationEvents.SealedCitizen citizen, Map<String, String> more) {
        Map<String, String> facts = new TreeMap<>(more);
        facts.put("startsAt", startsAt == null ? "—" : monthDay(startsAt));
        facts.put("stationName", stationName == null ? "联络站" : stationName);
        String phone = null;
        String unsealable = null;
        try {
            var node = mapper.readTree(sealer.open(citizen.sealed()));
            phone = node.path("phone").asText(null);
        } catch (JsonProcessingException e) {
            unsealable = "the sealed citizen of appointment " + appointmentId + " is not JSON";
        } catch (IllegalArgumentException e) {
            unsealable = e.getMessage();
        }
        if (unsealable == null && (phone == null || phone.isBlank())) {
            return;
        }
        for (Rule rule : RuleTable.of(event.type())) {
            if (rule.applies(facts)) {
                write(event, slot, rule, new Recipient(RecipientKind.CITIZEN, appointmentId.toString()), Channel.SMS,
                        regionCode, appointmentId, facts, phone, false, unsealable);
            }
        }
    }

    /** 12月10日09:30, China time: the meeting as the citizen's SMS names it. */
    static String monthDay(Instant at) {
        var local = at.atZone(Zones.CHINA);
        return local.getMonthValue() + "月" + local.getDayOfMonth() + "日" + String.format("%02d:%02d", local.getHour(), local.getMinute());
    }

    void onCase(IncomingEvent event, CaseData data) {
        Map<String, String> facts = new TreeMap<>();
        facts.put("caseNo", data.caseId().toString().substring(0, 8).toUpperCase());
        facts.put("urgentMark", data.urgent() ? "【紧急】" : "");
        facts.put("reopenCount", Integer.toString(data.reopenCount()));
        facts.put("channel", String.valueOf(data.channel()));
        facts.put("reason", data.reason() == null ? "" : data.reason());
        String stage = data.stage() != null ? data.stage() : openStage(data);
        facts.put("stage", stage == null ? "" : STAGES.getOrDefault(stage, stage));
        CaseEvents.StageDeadline due = stage == null || data.deadlines() == null ? null : data.deadlines().get(stage);
        facts.put("dueDate", due == null || due.dueDate() == null ? "—" : chinese(due.dueDate()));
        Citizen citizen = citizen(data);
        if (citizen != null && citizen.unsealable() == null) {
            facts.put("trackingCode", citizen.trackingCode());
            directory.seeCitizen(data.caseId(), sealer.hash(citizen.trackingCode().toUpperCase(Locale.ROOT)),
                    sealer.hash(citizen.phone()), data.regionCode(), Instant.now());
        }
        for (Rule rule : RuleTable.of(event.type())) {
            if (!rule.applies(facts)) {
                continue;
            }
            switch (rule.audience()) {
                case CITIZEN -> {
                    if (citizen != null) {
                        write(event, Slot.of(event.id()), rule,
                                new Recipient(RecipientKind.CITIZEN, data.caseId().toString()), Channel.SMS, data.regionCode(), data.caseId(), facts, citizen.phone(), data.urgent(), citizen.unsealable());
                    }
                }
                case UNIT -> unit(event, rule, data.unitId(), data, facts);
                case PREVIOUS_UNIT -> unit(event, rule, data.previousUnitId(), data, facts);
                case STATION -> {
                    if (data.stationId() != null) {
                        write(event, rule, new Recipient(RecipientKind.STATION, data.stationId().toString()),
                                Channel.INBOX, data.regionCode(), data.caseId(), facts, null, data.urgent());
                    }
                }
                default -> throw new IllegalStateException(rule.name() + " speaks to " + rule.audience() + " on a case event");
            }
        }
    }

    private void unit(IncomingEvent event, Rule rule, UUID unitId, CaseData data, Map<String, String> facts) {
        if (unitId == null) {
            return;
        }
        Recipient unit = new Recipient(RecipientKind.UNIT, unitId.toString());
        write(event, rule, unit, Channel.INBOX, data.regionCode(), data.caseId(), facts, null, data.urgent());
        String email = directory.contact(RecipientKind.UNIT.name(), unitId).map(Directory.Contact::email).orElse(null);
        write(event, rule, unit, Channel.EMAIL, data.regionCode(), data.caseId(), facts, email, data.urgent());
    }

    void onProject(IncomingEvent event, ProjectData data) {
        Map<String, String> facts = Map.of("title", String.valueOf(data.title()), "year", Integer.toString(data.year()),
                "closesAt", data.voteClosesAt() == null ? "—" : chinese(data.voteClosesAt()));
        Instant now = Instant.now();
        for (Rule rule : RuleTable.of(event.type())) {
            Slot slot = voteSlot(rule, data, event, now);
            if (slot == null) {
                continue;
            }
            // a vote under way at the upgrade to messages keyed by the vote: who was told of it then is not told again
            Set<String> toldBefore = slot.voteSessionId() != null && RuleTable.VOTE_OPENED.equals(rule.name())
                    ? messages.toldOfVoteBeforeKeyedByIt(data.regionCode(), data.year()) : Set.of();
            for (UUID deputy : directory.deputiesWithin(data.regionCode())) {
                if (!toldBefore.contains(new Recipient(RecipientKind.DEPUTY, deputy.toString()).key())) {
                    deputy(event, slot, rule, deputy, data.regionCode(), data.projectId(), facts);
                }
            }
        }
    }

    /**
     * A message's key (the event id of its row), the time it is due from, the time after which it is not sent (a
     * vote's close) and the vote it is about; the last three may be null.
     */
    private record Slot(UUID key, Instant due, Instant expires, UUID voteSessionId) {

        /** A message of the event itself, due now, never expiring. */
        static Slot of(UUID eventId) {
            return new Slot(eventId, null, null, null);
        }
    }

    /**
     * The key and times of a vote's message ({@link VoteSchedule}): keyed by the session and the rule, so the second
     * project of a vote writes nothing new; expiring when the vote closes. None for a vote already closed, nor a
     * "closing" for a vote shorter than a day or whose close the event does not give.
     */
    private static Slot voteSlot(Rule rule, ProjectData data, IncomingEvent event, Instant now) {
        VoteSchedule vote = new VoteSchedule(data.voteOpensAt(), data.voteClosesAt());
        if (vote.closed(now)) {
            return null;
        }
        boolean opened = RuleTable.VOTE_OPENED.equals(rule.name());
        UUID session = data.sessionId();
        if (session == null) {
            return opened ? new Slot(event.id(), now, data.voteClosesAt(), null) : null;
        }
        if (opened) {
            return new Slot(sessionKey(session, "opened"), vote.openedDue(now), data.voteClosesAt(), session);
        }
        if (RuleTable.VOTE_CLOSING.equals(rule.name())) {
            return vote.closingDue(now)
                    .map(due -> new Slot(sessionKey(session, "closing"), due, data.voteClosesAt(), session)).orElse(null);
        }
        return Slot.of(event.id());
    }

    /** The name-based key of one message of a vote to each deputy: {@code <sessionId>:<what>}. */
    static UUID sessionKey(UUID sessionId, String what) {
        return UUID.nameUUIDFromBytes((sessionId + ":" + what).getBytes(StandardCharsets.UTF_8));
    }

    void onAppeal(IncomingEvent event, ScoringEvents.AppealDecided data) {
        Map<String, String> facts = Map.of("year", Integer.toString(data.year()),
                "status", APPEAL.getOrDefault(data.status(), String.valueOf(data.status())));
        for (Rule rule : RuleTable.of(event.type())) {
            deputy(event, rule, data.deputyId(), directory.deputyRegion(data.deputyId()).orElse(""), data.deputyId(), facts);
        }
    }

    void onAlert(IncomingEvent event, ScoringEvents.AlertRaised data) {
        Map<String, String> facts = Map.of("year", Integer.toString(data.year()), "kind", String.valueOf(data.kind()),
                "detail", String.valueOf(data.detail()));
        for (Rule rule : RuleTable.of(event.type())) {
            if (rule.applies(facts)) {
                deputy(event, rule, data.deputyId(), data.regionCode(), data.deputyId(), facts);
            }
        }
    }

    private void deputy(IncomingEvent event, Rule rule, UUID deputyId, String regionCode, UUID subject,
                        Map<String, String> facts) {
        deputy(event, Slot.of(event.id()), rule, deputyId, regionCode, subject, facts);
    }

    private void deputy(IncomingEvent event, Slot slot, Rule rule, UUID deputyId, String regionCode, UUID subject,
                        Map<String, String> facts) {
        Recipient deputy = new Recipient(RecipientKind.DEPUTY, deputyId.toString());
        String region = regionCode == null ? "" : regionCode;
        write(event, slot, rule, deputy, Channel.INBOX, region, subject, facts, null, false, null);
        directory.contact(RecipientKind.DEPUTY.name(), deputyId).map(Directory.Contact::phoneSealed)
                .map(sealer::open)
                .ifPresent(phone -> write(event, slot, rule, deputy, Channel.SMS, region, subject, facts, phone, false, null));
    }

    void onDeputy(IncomingEvent event, DeputyEvents.DeputyData data) {
        directory.putDeputy(data.deputyId(), data.regionCode(), data.active(), event.time());
    }

    void onMandate(IncomingEvent event, DeputyEvents.MandateChanged data) {
        directory.setDeputyActive(data.deputyId(), data.deputyActive(), event.time());
    }

    private void write(IncomingEvent event, Rule rule, Recipient recipient, Channel channel, String regionCode,
                       UUID subject, Map<String, String> facts, String address, boolean urgent) {
        write(event, Slot.of(event.id()), rule, recipient, channel, regionCode, subject, facts, address, urgent, null);
    }

    /**
     * Writes one message (nothing if its key — the event's id, or a vote's — gave the recipient one on the channel
     * already), due from the slot's time (now if none; an inbox entry shows from then). An e-mail or SMS with no
     * address is written SKIPPED, its attempt saying NO_ADDRESS; {@code unsealable} (not null) says why the address the
     * event carries could not be opened: the message is written SKIPPED, its attempt UNSEALABLE with that reason, and
     * the event's other rules go on.
     */
    private void write(IncomingEvent event, Slot slot, Rule rule, Recipient recipient, Channel channel, String regionCode,
                       UUID subject, Map<String, String> facts, String address, boolean urgent, String unsealable) {
        Template template = RuleTable.TEMPLATES.get(rule.template());
        Map<String, String> given = new LinkedHashMap<>();
        for (String name : template.variables()) {
            given.put(name, facts.getOrDefault(name, ""));
        }
        Instant now = Instant.now();
        boolean inbox = channel == Channel.INBOX;
        boolean noAddress = !inbox && (address == null || address.isBlank());
        // an event read long after it happened (a new install reading a topic's history, a consumer group moved back)
        // is recorded and sent to no one: news of last year is no news
        boolean stale = event.time() != null && event.time().isBefore(now.minus(maxEventAge));
        MessageStatus status = stale || noAddress || unsealable != null ? MessageStatus.SKIPPED
                : inbox ? MessageStatus.SENT : MessageStatus.PENDING;
        String masked = noAddress || inbox ? null : channel == Channel.SMS ? Masking.phone(address) : Masking.email(address);
        Instant due = slot.due() == null || slot.due().isBefore(now) ? now : slot.due();
        var written = messages.insert(new Messages.NewMessage(slot.key(), event.type(), rule.name(), recipient.key(),
                channel.name(), regionCode, subject == null ? null : subject.toString(), template.name(),
                template.title(given), template.body(given), json(given), noAddress || inbox ? null : sealer.seal(address),
                masked, urgent, status.name(), due, now, slot.expires(), slot.voteSessionId()));
        if (unsealable != null) {
            written.ifPresent(id -> messages.attempt(new Messages.Attempt(id, now, "UNSEALABLE", null, null, unsealable)));
        } else if (stale) {
            written.ifPresent(id -> messages.attempt(new Messages.Attempt(id, now, "TOO_OLD", null, null,
                    "the event happened at " + event.time() + ", more than " + maxEventAge + " ago")));
        } else if (noAddress) {
            written.ifPresent(id -> messages.attempt(new Messages.Attempt(id, now, "NO_ADDRESS", null, null,
                    "no " + (channel == Channel.EMAIL ? "e-mail address" : "phone") + " on record for " + recipient.key())));
        }
    }

    private static String openStage(CaseData data) {
        if (data.deadlines() == null) {
            return null;
        }
        return data.deadlines().entrySet().stream().filter(e -> !e.getValue().met()).map(Map.Entry::getKey)
                .findFirst().orElse(null);
    }

    private static String chinese(LocalDate date) {
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    /** 2026年12月8日18:00, China time. */
    static String chinese(Instant at) {
        var local = at.atZone(Zones.CHINA);
        return chinese(local.toLocalDate()) + String.format("%02d:%02d", local.getHour(), local.getMinute());
    }

    /** The citizen's phone and tracking code; or, when the sealed value did not open, why ({@code unsealable}). */
    private record Citizen(String phone, String trackingCode, String unsealable) {
    }

    /**
     * The citizen's phone and tracking code, opened from the event; null when the case has none. A value that does not
     * open (another key, altered, not JSON) gives a citizen with only the reason: their SMS is SKIPPED, not the event.
     */
    private Citizen citizen(CaseData data) {
        if (data.citizen() == null || data.citizen().sealed() == null) {
            return null;
        }
        try {
            var node = mapper.readTree(sealer.open(data.citizen().sealed()));
            String phone = node.path("phone").asText(null);
            String code = node.path("trackingCode").asText(null);
            return phone == null || phone.isBlank() || code == null ? null : new Citizen(phone, code, null);
        } catch (JsonProcessingException e) {
            return new Citizen(null, null, "the sealed citizen of case " + data.caseId() + " is not JSON");
        } catch (IllegalArgumentException e) {
            return new Citizen(null, null, e.getMessage());
        }
    }

    private String json(Map<String, String> values) {
        try {
            return mapper.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
