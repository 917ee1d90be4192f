package cn.lianluo.cases.cases.service;

import cn.lianluo.cases.cases.domain.CaseStatus;
import cn.lianluo.cases.cases.domain.Stage;
import cn.lianluo.cases.cases.persistence.DeadlineEntity;
import cn.lianluo.cases.cases.service.CaseDtos.DeadlineView;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Mapping of deadlines and labels into the API's views. */
final class CaseViews {

    private CaseViews() {
    }

    static DeadlineView deadline(DeadlineEntity d, Instant now) {
        Stage stage = Stage.valueOf(d.stage);
        boolean overdue = d.metAt == null ? !d.paused && !now.isBefore(d.dueAt) : d.metAt.isAfter(d.dueAt);
        return new DeadlineView(stage, stage.label(), d.startedAt, d.span, d.dueDate, d.dueAt, d.warnAt, d.metAt,
                overdue, d.paused);
    }

    /** The latest deadline of each stage. */
    static Map<Stage, DeadlineView> deadlineMap(List<DeadlineEntity> rows, Instant now) {
        Map<Stage, DeadlineView> map = new EnumMap<>(Stage.class);
        rows.forEach(d -> map.put(Stage.valueOf(d.stage), deadline(d, now)));
        return map;
    }

    static boolean overdueNow(List<DeadlineEntity> rows, Instant now) {
        return rows.stream().anyMatch(d -> d.metAt == null && !d.paused && !now.isBefore(d.dueAt));
    }

    static String statusLabel(String status) {
        return CaseStatus.valueOf(status).label();
    }
}
