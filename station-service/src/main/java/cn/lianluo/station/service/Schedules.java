package cn.lianluo.station.service;

import cn.lianluo.common.problem.ProblemException;
import cn.lianluo.station.domain.HolidayPolicy;
import cn.lianluo.station.domain.ReceptionRule;
import cn.lianluo.station.domain.ReceptionSchedule;
import cn.lianluo.station.persistence.StationEntity.ScheduleJson;
import cn.lianluo.station.service.StationDtos.Schedule;
import cn.lianluo.station.service.StationDtos.ScheduleKind;
import cn.lianluo.station.service.StationDtos.ScheduleView;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.TreeSet;

/** Converts reception schedules between the API, their stored form and the domain. */
final class Schedules {

    private Schedules() {
    }

    /** Checks a requested schedule against its kind and returns the stored form; 400 names the bad field. */
    static ScheduleJson toStored(Schedule s, int index) {
        String field = "schedules[" + index + "]";
        ScheduleJson stored = new ScheduleJson(
                s.label(), s.kind().name(),
                s.kind() == ScheduleKind.MONTHLY_DAYS ? s.daysOfMonth() : null,
                s.kind() == ScheduleKind.WEEKLY && s.weekdays() != null ? s.weekdays().stream().map(DayOfWeek::name).toList() : null,
                s.kind() == ScheduleKind.EVERY_N_DAYS && s.startDate() != null ? s.startDate().toString() : null,
                s.kind() == ScheduleKind.EVERY_N_DAYS ? s.everyDays() : null,
                s.kind() == ScheduleKind.DATES && s.dates() != null ? s.dates().stream().map(LocalDate::toString).toList() : null,
                (s.holidayPolicy() == null ? HolidayPolicy.HELD : s.holidayPolicy()).name(),
                s.hours());
        try {
            toDomain(stored);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(field + "." + fieldOf(s.kind()), e.getMessage());
        }
        return stored;
    }

    static ReceptionSchedule toDomain(ScheduleJson s) {
        ReceptionRule rule = switch (ScheduleKind.valueOf(s.kind())) {
            case MONTHLY_DAYS -> new ReceptionRule.MonthlyDays(s.daysOfMonth() == null ? null : new TreeSet<>(s.daysOfMonth()));
            case WEEKLY -> new ReceptionRule.Weekly(s.weekdays() == null || s.weekdays().isEmpty() ? null
                    : EnumSet.copyOf(s.weekdays().stream().map(DayOfWeek::valueOf).toList()));
            case EVERY_N_DAYS -> new ReceptionRule.EveryNDays(s.startDate() == null ? null : LocalDate.parse(s.startDate()),
                    s.everyDays() == null ? 0 : s.everyDays());
            case DATES -> new ReceptionRule.Dates(s.dates() == null ? null
                    : new TreeSet<>(s.dates().stream().map(LocalDate::parse).toList()));
        };
        return new ReceptionSchedule(s.label(), rule, HolidayPolicy.valueOf(s.holidayPolicy()), s.hours());
    }

    static List<ReceptionSchedule> toDomain(List<ScheduleJson> stored) {
        return stored.stream().map(Schedules::toDomain).toList();
    }

    static ScheduleView toView(ScheduleJson s) {
        HolidayPolicy policy = HolidayPolicy.valueOf(s.holidayPolicy());
        return new ScheduleView(s.label(), ScheduleKind.valueOf(s.kind()), s.daysOfMonth(),
                s.weekdays() == null ? null : s.weekdays().stream().map(DayOfWeek::valueOf).toList(),
                s.startDate() == null ? null : LocalDate.parse(s.startDate()), s.everyDays(),
                s.dates() == null ? null : s.dates().stream().map(LocalDate::parse).toList(),
                policy, policy.label(), s.hours());
    }

    private static String fieldOf(ScheduleKind kind) {
        return switch (kind) {
            case MONTHLY_DAYS -> "daysOfMonth";
            case WEEKLY -> "weekdays";
            case EVERY_N_DAYS -> "everyDays";
            case DATES -> "dates";
        };
    }
}
