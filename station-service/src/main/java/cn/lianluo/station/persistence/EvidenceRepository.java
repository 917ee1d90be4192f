package cn.lianluo.station.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** 六有 evidence: the description as {@link EvidenceEntity}, the bytes by SQL of their own. */
@ApplicationScoped
public class EvidenceRepository implements PanacheRepositoryBase<EvidenceEntity, UUID> {

    /** A new file, its description and bytes in one row. */
    public void insert(EvidenceEntity e, byte[] content) {
        getEntityManager().createNativeQuery("""
                        INSERT INTO station_evidence (id, station_id, item, content_type, size, sha256, name, uploaded_at,
                                                      uploaded_by, uploaded_by_name, content)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)""")
                .setParameter(1, e.id).setParameter(2, e.stationId).setParameter(3, e.item)
                .setParameter(4, e.contentType).setParameter(5, e.size).setParameter(6, e.sha256)
                .setParameter(7, e.name).setParameter(8, e.uploadedAt).setParameter(9, e.uploadedBy)
                .setParameter(10, e.uploadedByName).setParameter(11, content)
                .executeUpdate();
    }

    public byte[] content(UUID id) {
        return (byte[]) getEntityManager().createNativeQuery("SELECT content FROM station_evidence WHERE id = ?1")
                .setParameter(1, id).getSingleResult();
    }

    /** The evidence of one item of a station, the earliest first. */
    public List<EvidenceEntity> of(UUID stationId, String item) {
        return list("stationId = ?1 and item = ?2 order by uploadedAt, id", stationId, item);
    }

    /** The file, when it is evidence of this item of this station. */
    public Optional<EvidenceEntity> find(UUID stationId, String item, UUID id) {
        return find("id = ?1 and stationId = ?2 and item = ?3", id, stationId, item).firstResultOptional();
    }
}
