package cn.lianluo.cases.calendar.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;

public final class CalendarRepositories {

    private CalendarRepositories() {
    }

    @ApplicationScoped
    public static class Days implements PanacheRepositoryBase<CalendarDayEntity, LocalDate> {
    }

    @ApplicationScoped
    public static class Policies implements PanacheRepositoryBase<PolicyEntity, String> {
    }
}
