package cn.lianluo.cases.suggestions.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A suggestion's rows besides its own: the cases it grows from ({@code suggestion_case}) and its units' answers ({@code suggestion_unit}). */
@ApplicationScoped
public class SuggestionLinks {

    /** A unit of a suggestion, with its answer. */
    public record UnitRow(UUID unitId, String unitName, String answer, LocalDate answeredOn) {
    }

    private final EntityManager em;

    public SuggestionLinks(EntityManager em) {
        this.em = em;
    }

    public void addCase(UUID suggestion, UUID caseId) {
        em.createNativeQuery("INSERT INTO suggestion_case (suggestion_id, case_id) VALUES (?1, ?2)")
                .setParameter(1, suggestion).setParameter(2, caseId).executeUpdate();
    }

    public List<UUID> caseIds(UUID suggestion) {
        return em.createNativeQuery("SELECT case_id FROM suggestion_case WHERE suggestion_id = ?1 ORDER BY case_id")
                .setParameter(1, suggestion).getResultList().stream().map(UUID.class::cast).toList();
    }

    public void addUnit(UUID suggestion, UUID unit) {
        em.createNativeQuery("INSERT INTO suggestion_unit (suggestion_id, unit_id) VALUES (?1, ?2)")
                .setParameter(1, suggestion).setParameter(2, unit).executeUpdate();
    }

    public void answer(UUID suggestion, UUID unit, String answer, LocalDate on) {
        em.createNativeQuery("UPDATE suggestion_unit SET answer = ?3, answered_on = ?4 WHERE suggestion_id = ?1 AND unit_id = ?2")
                .setParameter(1, suggestion).setParameter(2, unit).setParameter(3, answer).setParameter(4, on).executeUpdate();
    }

    public boolean hasUnit(UUID suggestion, UUID unit) {
        return !em.createNativeQuery("SELECT 1 FROM suggestion_unit WHERE suggestion_id = ?1 AND unit_id = ?2")
                .setParameter(1, suggestion).setParameter(2, unit).getResultList().isEmpty();
    }

    public List<UUID> unitIds(UUID suggestion) {
        return em.createNativeQuery("SELECT unit_id FROM suggestion_unit WHERE suggestion_id = ?1 ORDER BY unit_id")
                .setParameter(1, suggestion).getResultList().stream().map(UUID.class::cast).toList();
    }

    /** The units with their answers, by unit name. */
    public List<UnitRow> units(UUID suggestion) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT su.unit_id, u.name, su.answer, su.answered_on FROM suggestion_unit su "
                + "JOIN unit u ON u.id = su.unit_id WHERE su.suggestion_id = ?1 ORDER BY u.name").setParameter(1, suggestion).getResultList();
        return rows.stream().map(r -> new UnitRow((UUID) r[0], (String) r[1], (String) r[2],
                r[3] == null ? null : r[3] instanceof LocalDate d ? d : ((java.sql.Date) r[3]).toLocalDate())).toList();
    }
}
