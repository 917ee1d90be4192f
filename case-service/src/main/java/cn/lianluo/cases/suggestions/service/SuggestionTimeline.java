package cn.lianluo.cases.suggestions.service;

import cn.lianluo.cases.suggestions.domain.SuggestionCommand;
import cn.lianluo.cases.suggestions.service.SuggestionDtos.ActionView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The lines of a suggestion's timeline (履职留痕): who did what, when, with which note. */
@ApplicationScoped
public class SuggestionTimeline {

    /** The action of a suggestion's submission. */
    static final String SUBMITTED = "SUBMITTED";
    /** The action of a co-signer's consent; its note is the deputy's id. */
    static final String CO_SIGNED = "CO_SIGNED";

    private final EntityManager em;

    public SuggestionTimeline(EntityManager em) {
        this.em = em;
    }

    public void record(UUID suggestion, String action, String role, String actor, Instant at, String note) {
        em.createNativeQuery("INSERT INTO suggestion_action (id, suggestion_id, action, actor_role, actor, at, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
                .setParameter(1, UUID.randomUUID()).setParameter(2, suggestion).setParameter(3, action).setParameter(4, role)
                .setParameter(5, actor).setParameter(6, at).setParameter(7, note).executeUpdate();
    }

    /** The co-signers who have confirmed, in the order they did. */
    public List<String> coSigned(UUID suggestion) {
        return em.createNativeQuery("SELECT note FROM suggestion_action WHERE suggestion_id = ?1 AND action = ?2 ORDER BY at")
                .setParameter(1, suggestion).setParameter(2, CO_SIGNED).getResultList().stream().map(String.class::cast).toList();
    }

    /** The whole timeline, oldest first. */
    public List<ActionView> of(UUID suggestion) {
        @SuppressWarnings("unchecked")
        List<Object[]> actions = em.createNativeQuery("SELECT action, actor_role, at, note FROM suggestion_action WHERE suggestion_id = ?1 ORDER BY at")
                .setParameter(1, suggestion).getResultList();
        return actions.stream().map(a -> new ActionView((String) a[0], label((String) a[0]), (String) a[1],
                a[2] instanceof Instant i ? i : ((java.sql.Timestamp) a[2]).toInstant(), (String) a[3])).toList();
    }

    private static String label(String action) {
        return switch (action) {
            case SUBMITTED -> "提出建议";
            case CO_SIGNED -> "确认联名";
            default -> SuggestionCommand.valueOf(action).label();
        };
    }
}
