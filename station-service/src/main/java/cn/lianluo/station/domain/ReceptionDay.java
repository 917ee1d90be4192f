package cn.lianluo.station.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/** One coming reception day and the schedule it comes from (the API answers it as it is: hours only when set). */
public record ReceptionDay(LocalDate date, String label, @Schema(nullable = true) String hours, boolean moved) {
}
