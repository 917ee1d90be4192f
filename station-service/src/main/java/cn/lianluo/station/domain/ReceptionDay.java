package cn.lianluo.station.domain;

import java.time.LocalDate;

/** One coming reception day and the schedule it comes from (hours only when the schedule sets them). */
public record ReceptionDay(LocalDate date, String label, String hours, boolean moved) {
}
