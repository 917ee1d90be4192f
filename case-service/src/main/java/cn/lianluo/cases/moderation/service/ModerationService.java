package cn.lianluo.cases.moderation.service;

import cn.lianluo.cases.config.CaseClock;
import cn.lianluo.cases.config.ModerationConfig;
import cn.lianluo.cases.moderation.domain.ContentScreen;
import cn.lianluo.cases.moderation.domain.ContentScreen.Flag;
import cn.lianluo.cases.moderation.domain.ModeratedKind;
import cn.lianluo.cases.moderation.domain.ModerationDecision;
import cn.lianluo.cases.moderation.domain.ModerationRules;
import cn.lianluo.cases.moderation.domain.ModerationState;
import cn.lianluo.cases.moderation.service.ModerationDtos.HistoryEntry;
import cn.lianluo.cases.moderation.service.ModerationDtos.ItemView;
import cn.lianluo.common.events.contract.CaseEvents;
import cn.lianluo.common.outbox.Outbox;
import cn.lianluo.common.paging.Page;
import cn.lianluo.common.problem.ProblemException;
import cn.lianluo.common.region.RegionCode;
import cn.lianluo.common.security.Caller;
import cn.lianluo.common.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Public content goes live only once approved: it is screened when it arrives (approved at once when it comes with a
 * token, or when auto-approval is on and it holds no link or number), and staff in scope approve, hide and restore
 * it. Every decision is kept and is a {@code lianluo.case.moderation-decided.v1} event, in the decision's transaction.
 */
@ApplicationScoped
public class ModerationService {

    private static final List<String> MODERATORS = List.of(Roles.ADMIN, Roles.SUPERVISOR, Roles.STATION_STAFF);

    /** What the screen decided for arriving content; the caller stores {@code state} with it and then calls {@link #arrived}. */
    public record Screening(ModerationState state, Set<Flag> flags, String reason) {
    }

    /**
     * Projects, evaluations' comments and draft laws' comments as one list of items (a comment-less evaluation has
     * nothing to judge); {@code draft_id} is the draft of a DRAFT_COMMENT, whose {@code project_id} is null.
     */
    private static final String ITEMS = """
            SELECT kind, id, project_id, region_code, title, text, satisfaction, moderation, created_at, draft_id FROM (
                SELECT 'PROJECT' AS kind, p.id, p.id AS project_id, p.region_code, p.title, p.description AS text,
                       CAST(NULL AS TEXT) AS satisfaction, p.moderation, p.proposed_at AS created_at, CAST(NULL AS UUID) AS draft_id
                FROM livelihood_project p
                UNION ALL
                SELECT 'EVALUATION', e.id, e.project_id, p.region_code, p.title, e.comment, e.satisfaction, e.moderation, e.at, NULL
                FROM project_evaluation e JOIN livelihood_project p ON p.id = e.project_id
                WHERE e.comment IS NOT NULL
                UNION ALL
                SELECT 'DRAFT_COMMENT', c.id, NULL, c.region_code, d.title, c.text, NULL, c.moderation, c.at, c.draft_id
                FROM draft_comment c JOIN draft_law d ON d.id = c.draft_id
            ) item
            """;

    private final EntityManager em;
    private final Outbox outbox;
    private final CaseClock clock;
    private final ModerationConfig config;

    public ModerationService(EntityManager em, Outbox outbox, CaseClock clock, ModerationConfig config) {
        this.em = em;
        this.outbox = outbox;
        this.clock = clock;
        this.config = config;
    }

    /** Screens arriving content; {@code trustedRole} is the role of the token it came with, null for a citizen. */
    public Screening screen(String trustedRole, String... texts) {
        Set<Flag> flags = ContentScreen.flags(texts);
        ModerationState state = ContentScreen.initial(trustedRole != null, config.autoApprove(), flags);
        String reason = trustedRole != null ? "submitted with a token (" + trustedRole + ")"
                : state == ModerationState.APPROVED ? "no link and no number"
                : !flags.isEmpty() ? "holds " + flags.stream().map(f -> f.name().toLowerCase()).toList()
                : "auto-approval is off";
        return new Screening(state, flags, reason);
    }

    /** Records the screen's decision on content just stored, and its event (in the storing transaction). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void arrived(ModeratedKind kind, UUID itemId, UUID projectId, RegionCode region, Screening screening) {
        arrived(kind, itemId, projectId, null, region, screening);
    }

    /** {@link #arrived(ModeratedKind, UUID, UUID, RegionCode, Screening)} for a draft law's comment, which has a draft. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void arrivedOnDraft(UUID commentId, UUID draftId, RegionCode region, Screening screening) {
        arrived(ModeratedKind.DRAFT_COMMENT, commentId, null, draftId, region, screening);
    }

    private void arrived(ModeratedKind kind, UUID itemId, UUID projectId, UUID draftId, RegionCode region, Screening screening) {
        ModerationDecision decision = screening.state() == ModerationState.APPROVED ? ModerationDecision.AUTO_APPROVE : ModerationDecision.HOLD;
        record(kind, itemId, projectId, draftId, region, decision, null, screening.state(), screening.reason(), "system", "SYSTEM",
                screening.flags().stream().map(Enum::name).toList());
    }

    /**
     * Whether the caller sees content of {@code region} that is not approved: staff (ADMIN, SUPERVISOR, STATION_STAFF)
     * whose scope covers it. Everyone else — citizens, deputies, handling units, staff of elsewhere — sees approved
     * content only.
     */
    public static boolean seesUnapproved(Caller caller, RegionCode region) {
        return moderatorScope(caller) != null && caller.covers(region);
    }

    /** The region whose unapproved content the caller sees, or null. */
    public static RegionCode moderatorScope(Caller caller) {
        if (caller == null || !caller.isAuthenticated() || MODERATORS.stream().noneMatch(caller::hasRole)) {
            return null;
        }
        return caller.region();
    }

    /** The queue: items of the region in a state, pending ones oldest first (the next to judge on top), others newest first. */
    @Transactional
    public Page<ItemView> queue(RegionCode region, ModerationState state, ModeratedKind kind, int page, int size) {
        String where = " WHERE region_code LIKE :region AND moderation = :state" + (kind == null ? "" : " AND kind = :kind");
        String order = state == ModerationState.PENDING ? " ORDER BY created_at, id" : " ORDER BY created_at DESC, id";
        var query = em.createNativeQuery(ITEMS + where + order).setParameter("region", region.likePattern())
                .setParameter("state", state.name()).setFirstResult(page * size).setMaxResults(size);
        var count = em.createNativeQuery("SELECT count(*) FROM (" + ITEMS + where + ") counted")
                .setParameter("region", region.likePattern()).setParameter("state", state.name());
        if (kind != null) {
            query.setParameter("kind", kind.name());
            count.setParameter("kind", kind.name());
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        Map<UUID, List<HistoryEntry>> histories = histories(rows.stream().map(r -> (UUID) r[1]).toList());
        List<ItemView> items = rows.stream().map(r -> view(r, histories.getOrDefault((UUID) r[1], List.of()))).toList();
        return new Page<>(items, ((Number) count.getSingleResult()).longValue(), page, size);
    }

    /** One item with its history; 404 unknown, 403 outside the caller's scope. */
    @Transactional
    public ItemView item(ModeratedKind kind, UUID id, Caller caller) {
        Object[] row = require(kind, id, false);
        caller.requireWithin(RegionCode.of((String) row[3]));
        return view(row, histories(List.of(id)).getOrDefault(id, List.of()));
    }

    /** A staff decision: 404 unknown, 403 outside scope, 409 when the state does not allow it, 422 without a needed reason. */
    @Transactional
    public ItemView decide(ModeratedKind kind, UUID id, ModerationDecision decision, String reason, Caller caller) {
        Object[] row = require(kind, id, true);
        RegionCode region = RegionCode.of((String) row[3]);
        caller.requireWithin(region);
        ModerationState from = ModerationState.valueOf((String) row[7]);
        ModerationRules.Transition transition = ModerationRules.decide(from, decision, reason);
        // a project row is versioned: a change made on a copy read before this decision fails instead of undoing it
        String update = switch (kind) {
            case PROJECT -> "UPDATE livelihood_project SET moderation = ?1, version = version + 1 WHERE id = ?2";
            case EVALUATION -> "UPDATE project_evaluation SET moderation = ?1 WHERE id = ?2";
            case DRAFT_COMMENT -> "UPDATE draft_comment SET moderation = ?1 WHERE id = ?2";
        };
        em.createNativeQuery(update).setParameter(1, transition.to().name()).setParameter(2, id).executeUpdate();
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        record(kind, id, (UUID) row[2], (UUID) row[9], region, decision, from, transition.to(), why, caller.subject(), caller.primaryRole(),
                flags(row).stream().map(Enum::name).toList());
        return item(kind, id, caller);
    }

    private Object[] require(ModeratedKind kind, UUID id, boolean lock) {
        // the row itself is locked (FOR UPDATE of its table): two decisions on one item are taken one after the other
        String sql = switch (kind) {
            case PROJECT -> "SELECT 'PROJECT', p.id, p.id, p.region_code, p.title, p.description, CAST(NULL AS TEXT), p.moderation, "
                    + "p.proposed_at, CAST(NULL AS UUID) FROM livelihood_project p WHERE p.id = ?1" + (lock ? " FOR UPDATE" : "");
            case EVALUATION -> "SELECT 'EVALUATION', e.id, e.project_id, p.region_code, p.title, e.comment, e.satisfaction, "
                    + "e.moderation, e.at, CAST(NULL AS UUID) FROM project_evaluation e JOIN livelihood_project p ON p.id = e.project_id "
                    + "WHERE e.id = ?1 AND e.comment IS NOT NULL" + (lock ? " FOR UPDATE OF e" : "");
            case DRAFT_COMMENT -> "SELECT 'DRAFT_COMMENT', c.id, CAST(NULL AS UUID), c.region_code, d.title, c.text, CAST(NULL AS TEXT), "
                    + "c.moderation, c.at, c.draft_id FROM draft_comment c JOIN draft_law d ON d.id = c.draft_id WHERE c.id = ?1"
                    + (lock ? " FOR UPDATE OF c" : "");
        };
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(sql).setParameter(1, id).getResultList();
        if (rows.isEmpty()) {
            throw ProblemException.notFound(switch (kind) {
                case PROJECT -> "livelihood project";
                case EVALUATION -> "evaluation comment";
                case DRAFT_COMMENT -> "draft law comment";
            }, id);
        }
        return rows.get(0);
    }

    private void record(ModeratedKind kind, UUID itemId, UUID projectId, UUID draftId, RegionCode region, ModerationDecision decision,
                        ModerationState from, ModerationState to, String reason, String actor, String actorRole, List<String> flags) {
        Instant now = clock.now();
        em.createNativeQuery("INSERT INTO moderation_decision (id, kind, item_id, project_id, region_code, decision, from_state, "
                        + "to_state, reason, actor, actor_role, at, draft_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)")
                .setParameter(1, UUID.randomUUID()).setParameter(2, kind.name()).setParameter(3, itemId).setParameter(4, projectId)
                .setParameter(5, region.value()).setParameter(6, decision.name()).setParameter(7, from == null ? null : from.name())
                .setParameter(8, to.name()).setParameter(9, reason).setParameter(10, actor).setParameter(11, actorRole)
                .setParameter(12, now).setParameter(13, draftId).executeUpdate();
        // no text of the content (it may be what was hidden), no one's name
        outbox.add(CaseEvents.MODERATION_DECIDED, itemId.toString(), region,
                new CaseEvents.ModerationData(kind.name(), itemId, projectId, region.value(), decision.name(),
                        from == null ? null : from.name(), to.name(), reason, actorRole, now, flags, draftId));
    }

    private Map<UUID, List<HistoryEntry>> histories(List<UUID> ids) {
        Map<UUID, List<HistoryEntry>> byItem = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return byItem;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT item_id, decision, from_state, to_state, reason, actor, actor_role, at "
                + "FROM moderation_decision WHERE item_id IN (:ids) ORDER BY at, id").setParameter("ids", ids).getResultList();
        for (Object[] r : rows) {
            ModerationDecision decision = ModerationDecision.valueOf((String) r[1]);
            byItem.computeIfAbsent((UUID) r[0], k -> new ArrayList<>()).add(new HistoryEntry(decision.name(), decision.label(),
                    r[2] == null ? null : ModerationState.valueOf((String) r[2]), ModerationState.valueOf((String) r[3]),
                    (String) r[4], (String) r[5], (String) r[6], instant(r[7])));
        }
        return byItem;
    }

    private static Set<Flag> flags(Object[] row) {
        return "PROJECT".equals(row[0]) ? ContentScreen.flags((String) row[4], (String) row[5]) : ContentScreen.flags((String) row[5]);
    }

    private static ItemView view(Object[] r, List<HistoryEntry> history) {
        ModeratedKind kind = ModeratedKind.valueOf((String) r[0]);
        ModerationState state = ModerationState.valueOf((String) r[7]);
        return new ItemView(kind, kind.label(), (UUID) r[1], (UUID) r[2], (UUID) r[9], (String) r[3], (String) r[4], (String) r[5],
                (String) r[6], flags(r).stream().map(Enum::name).toList(), instant(r[8]), state, state.label(),
                ModerationRules.allowed(state).stream().map(ModerationDecision::path).toList(), history);
    }

    static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
