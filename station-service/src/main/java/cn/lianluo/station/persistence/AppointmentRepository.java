package cn.lianluo.station.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

@ApplicationScoped
public class AppointmentRepository implements PanacheRepositoryBase<AppointmentEntity, UUID> {

    /** Places a slot has given: every appointment but a cancelled one keeps its place. */
    public long taken(UUID slotId) {
        return count("slotId = ?1 and status <> 'CANCELLED'", slotId);
    }
}
