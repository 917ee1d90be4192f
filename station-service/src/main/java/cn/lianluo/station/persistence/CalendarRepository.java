package cn.lianluo.station.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;

@ApplicationScoped
public class CalendarRepository implements PanacheRepositoryBase<CalendarDayEntity, LocalDate> {
}
