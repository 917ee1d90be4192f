package cn.lianluo.notification.service;

import cn.lianluo.common.paging.Page;
import cn.lianluo.common.problem.ProblemException;
import cn.lianluo.common.security.Caller;
import cn.lianluo.notification.domain.Recipient;
import cn.lianluo.notification.persistence.Directory;
import cn.lianluo.notification.persistence.Messages;
import cn.lianluo.common.privacy.SealedContact;
import cn.lianluo.notification.service.NotifyDtos.AttemptView;
import cn.lianluo.notification.service.NotifyDtos.MessageView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** The message log for ADMIN and SUPERVISOR, within their region; and the citizens' opt-out. */
@ApplicationScoped
public class MessageLog {

    private final Messages messages;
    private final Directory directory;
    private final SealedContact sealer;
    private final Caller caller;

    public MessageLog(Messages messages, Directory directory, SealedContact sealer, Caller caller) {
        this.messages = messages;
        this.directory = directory;
        this.sealer = sealer;
        this.caller = caller;
    }

    @Transactional
    public Page<MessageView> list(String recipient, String caseId, int page, int size) {
        if (recipient != null && !recipient.isBlank()) {
            try {
                recipient = Recipient.parse(recipient.strip()).key();
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid("recipient", "a recipient key: citizen:<case id>, unit:<id>, station:<id>, deputy:<id>");
            }
        } else {
            recipient = null;
        }
        String region = caller.region().toString();
        String subject = null;
        if (caseId != null && !caseId.isBlank()) {
            try {
                subject = UUID.fromString(caseId.strip()).toString();
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid("caseId", "a UUID");
            }
        }
        long total = messages.count(region, recipient, subject);
        List<Messages.Row> rows = messages.list(region, recipient, subject, page * size, size);
        Map<UUID, List<AttemptView>> attempts = messages.attempts(rows.stream().map(Messages.Row::id).toList()).stream()
                .collect(Collectors.groupingBy(Messages.Attempt::messageId, Collectors.mapping(
                        a -> new AttemptView(a.at(), a.outcome(), a.provider(), a.code(), a.detail()), Collectors.toList())));
        List<MessageView> items = rows.stream().map(r -> new MessageView(r.id(), r.eventId(), r.eventType(), r.rule(),
                r.recipient(), r.channel(), r.regionCode(), r.subject(), r.title(), r.body(), r.addressMasked(), r.urgent(),
                r.status(), r.notBefore(), r.attempts(), r.createdAt(), r.sentAt(), attempts.getOrDefault(r.id(), List.of())))
                .toList();
        return new Page<>(items, total, page, size);
    }

    /** The citizen's phone gets no more SMS, if the tracking code and the phone are of a case this service has seen. */
    @Transactional
    public void optOut(String trackingCode, String phone) {
        SealedContact.Hashes phoneHash = sealer.hashes(phone.strip());
        UUID caseId = directory.citizenCase(sealer.hashes(trackingCode.strip().toUpperCase(Locale.ROOT)), phoneHash)
                .orElseThrow(() -> new ProblemException(404, "not-found", "Not found 未找到",
                        "no case with this tracking code and phone"));
        directory.optOut(phoneHash, caseId, Instant.now());
    }
}
