package cn.lianluo.notification.service;

import cn.lianluo.common.paging.Page;
import cn.lianluo.common.problem.ProblemException;
import cn.lianluo.common.security.Caller;
import cn.lianluo.common.security.Roles;
import cn.lianluo.notification.domain.Recipient;
import cn.lianluo.notification.domain.RecipientKind;
import cn.lianluo.notification.persistence.InboxRepository;
import cn.lianluo.notification.persistence.InboxRepository.Owner;
import cn.lianluo.notification.service.InboxDtos.InboxEntry;
import cn.lianluo.notification.service.InboxDtos.MarkedRead;
import cn.lianluo.notification.service.InboxDtos.UnreadCount;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The in-app inbox (站内信) of the calling account. Its entries are the INBOX messages addressed to what the token
 * stands for: its unit ({@code unit:<unitId>}, HANDLER), its deputy ({@code deputy:<deputyId>}, DEPUTY), and, for
 * STATION_STAFF, the stations of its region ({@code station:…} whose region lies inside the token's). Read marks are
 * the account's own: two accounts of one unit read the same entries each at their pace.
 */
@ApplicationScoped
public class InboxService {

    private final InboxRepository inbox;
    private final Caller caller;
    private final Clock clock = Clock.systemUTC();

    public InboxService(InboxRepository inbox, Caller caller) {
        this.inbox = inbox;
        this.caller = caller;
    }

    @Transactional
    public Page<InboxEntry> list(boolean unreadOnly, int page, int size) {
        Owner owner = owner();
        if (!owner.hasAny()) {
            return new Page<>(List.of(), 0, page, size);
        }
        List<InboxEntry> items = inbox.page(owner, unreadOnly, page, size).stream()
                .map(r -> new InboxEntry(r.id(), r.title(), r.body(), r.eventType(), r.subject(), r.regionCode(),
                        r.createdAt(), r.readAt() != null, r.readAt()))
                .toList();
        return new Page<>(items, inbox.count(owner, unreadOnly), page, size);
    }

    @Transactional
    public UnreadCount unread() {
        Owner owner = owner();
        return new UnreadCount(owner.hasAny() ? inbox.count(owner, true) : 0);
    }

    /** Marks one entry read; another's entry, or none, is a 404 (it does not exist for the caller). */
    @Transactional
    public void markRead(UUID id) {
        Owner owner = owner();
        if (!owner.hasAny() || !inbox.isMine(owner, id)) {
            throw ProblemException.notFound("inbox entry", id);
        }
        inbox.markRead(owner.account(), id, clock.instant());
    }

    @Transactional
    public MarkedRead markAllRead() {
        Owner owner = owner();
        return new MarkedRead(owner.hasAny() ? inbox.markAllRead(owner, clock.instant()) : 0);
    }

    private Owner owner() {
        List<String> recipients = new ArrayList<>();
        if (caller.hasRole(Roles.HANDLER)) {
            caller.unitId().filter(id -> !id.isBlank())
                    .ifPresent(id -> recipients.add(new Recipient(RecipientKind.UNIT, id).key()));
        }
        if (caller.hasRole(Roles.DEPUTY)) {
            caller.deputyId().filter(id -> !id.isBlank())
                    .ifPresent(id -> recipients.add(new Recipient(RecipientKind.DEPUTY, id).key()));
        }
        String stationRegion = caller.hasRole(Roles.STATION_STAFF) ? caller.region().value() : null;
        return new Owner(caller.accountId(), recipients, stationRegion);
    }
}
