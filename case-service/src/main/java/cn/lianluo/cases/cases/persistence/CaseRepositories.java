package cn.lianluo.cases.cases.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The Panache repositories of the case loop. */
public final class CaseRepositories {

    private CaseRepositories() {
    }

    @ApplicationScoped
    public static class Cases implements PanacheRepositoryBase<CaseEntity, UUID> {
        public Optional<CaseEntity> byTrackingCode(String code) {
            return find("trackingCode", code).firstResultOptional();
        }
    }

    @ApplicationScoped
    public static class Actions implements PanacheRepositoryBase<CaseActionEntity, UUID> {
        public List<CaseActionEntity> of(UUID caseId) {
            return list("caseId = ?1 order by at, id", caseId);
        }

        /** The role that took the case in (its RECEIVED entry): CITIZEN, a staff role or DEPUTY. */
        public String intakeRole(UUID caseId) {
            return find("caseId = ?1 and action = 'RECEIVED'", caseId).firstResultOptional().map(a -> a.actorRole).orElse(null);
        }
    }

    @ApplicationScoped
    public static class Deadlines implements PanacheRepositoryBase<DeadlineEntity, UUID> {
        public List<DeadlineEntity> of(UUID caseId) {
            return list("caseId = ?1 order by startedAt", caseId);
        }

        public Optional<DeadlineEntity> open(UUID caseId) {
            return find("caseId = ?1 and metAt is null", caseId).firstResultOptional();
        }
    }
}
