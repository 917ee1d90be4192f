package cn.lianluo.station.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

@ApplicationScoped
public class AppointmentSlotRepository implements PanacheRepositoryBase<AppointmentSlotEntity, UUID> {
}
