package cn.lianluo.cases.files.persistence;

import cn.lianluo.common.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Stored files: their description as {@link FileEntity}, their bytes by SQL of their own. */
@ApplicationScoped
public class FileRepository implements PanacheRepositoryBase<FileEntity, UUID> {

    /** A new file, its description and bytes in one row; bytes null when they are kept in the object store. */
    public void insert(FileEntity file, byte[] content) {
        getEntityManager().createNativeQuery("""
                        INSERT INTO case_file (id, content_type, size, sha256, name, created_at, uploaded_by, content)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)""")
                .setParameter(1, file.id).setParameter(2, file.contentType).setParameter(3, file.size)
                .setParameter(4, file.sha256).setParameter(5, file.name).setParameter(6, file.createdAt)
                .setParameter(7, file.uploadedBy).setParameter(8, content)
                .executeUpdate();
    }

    /** The file, its row locked until the transaction ends: two submissions naming it are taken one after the other. */
    public Optional<FileEntity> lockedForAttaching(UUID id) {
        return Optional.ofNullable(getEntityManager().find(FileEntity.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    /**
     * The bytes kept in the file's row; null when they are in the object store ({@link S3FileStore}). Its own short
     * transaction when the caller has none: a download fetches the bytes after its access check has committed.
     */
    @Transactional
    public byte[] content(UUID id) {
        List<?> rows = getEntityManager().createNativeQuery("SELECT content FROM case_file WHERE id = ?1")
                .setParameter(1, id).getResultList();
        if (rows.isEmpty()) {
            // deleted since the access check read its description
            throw ProblemException.notFound("file", id);
        }
        return (byte[]) rows.get(0);
    }

    public List<FileEntity> ofCase(UUID caseId) {
        return list("caseId = ?1 order by attachedAt, id", caseId);
    }

    public List<FileEntity> ofMilestone(UUID milestoneId) {
        return list("milestoneId = ?1 order by attachedAt, id", milestoneId);
    }

    /** Deletes up to {@code batch} files no case or milestone took, uploaded before {@code before}; how many it deleted. */
    public int deleteUnattached(Instant before, int batch) {
        return getEntityManager().createNativeQuery("""
                        DELETE FROM case_file WHERE id IN (
                            SELECT id FROM case_file WHERE case_id IS NULL AND milestone_id IS NULL AND created_at < ?1
                            LIMIT ?2 FOR UPDATE SKIP LOCKED)""")
                .setParameter(1, before).setParameter(2, batch).executeUpdate();
    }

    /**
     * Claims up to {@code batch} files no case took, uploaded before {@code before}, their rows locked until the
     * transaction ends: each id with whether its bytes are in the object store (not in its row).
     */
    public Map<UUID, Boolean> claimUnattached(Instant before, int batch) {
        List<?> rows = getEntityManager().createNativeQuery("""
                        SELECT id, content IS NULL FROM case_file WHERE case_id IS NULL AND milestone_id IS NULL AND created_at < ?1
                        LIMIT ?2 FOR UPDATE SKIP LOCKED""")
                .setParameter(1, before).setParameter(2, batch).getResultList();
        Map<UUID, Boolean> claimed = new LinkedHashMap<>();
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            claimed.put((UUID) columns[0], (Boolean) columns[1]);
        }
        return claimed;
    }

    public void deleteAll(Collection<UUID> ids) {
        if (!ids.isEmpty()) {
            delete("id in ?1", ids);
        }
    }
}
