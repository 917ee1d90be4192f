package cn.lianluo.deputy.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

/** The Panache repositories of deputy-service. */
public final class Repositories {

    private Repositories() {
    }

    @ApplicationScoped
    public static class Deputies implements PanacheRepositoryBase<DeputyEntity, UUID> {
    }

    @ApplicationScoped
    public static class Mandates implements PanacheRepositoryBase<MandateEntity, UUID> {
        public List<MandateEntity> of(UUID deputyId) {
            return list("deputyId = ?1 order by termStart, level", deputyId);
        }
    }

    @ApplicationScoped
    public static class Assignments implements PanacheRepositoryBase<AssignmentEntity, UUID> {
        public List<AssignmentEntity> of(UUID deputyId) {
            return list("deputyId = ?1 order by fromDate, home desc", deputyId);
        }
    }

    @ApplicationScoped
    public static class Stations implements PanacheRepositoryBase<StationCopyEntity, UUID> {
    }

    @ApplicationScoped
    public static class Groups implements PanacheRepositoryBase<GroupEntity, UUID> {
    }

    @ApplicationScoped
    public static class Members implements PanacheRepositoryBase<GroupMemberEntity, UUID> {
        public List<GroupMemberEntity> of(UUID groupId) {
            return list("groupId = ?1 order by joinedOn", groupId);
        }
    }
}
