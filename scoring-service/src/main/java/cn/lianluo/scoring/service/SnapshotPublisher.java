package cn.lianluo.scoring.service;

import cn.lianluo.common.events.contract.ScoringEvents;
import cn.lianluo.common.outbox.Outbox;
import cn.lianluo.common.problem.ProblemException;
import cn.lianluo.common.region.RegionCode;
import cn.lianluo.common.security.Caller;
import cn.lianluo.scoring.persistence.SnapshotRepository;
import cn.lianluo.scoring.persistence.SnapshotRepository.StoredSnapshot;
import cn.lianluo.scoring.service.PointsDtos.Snapshot;
import cn.lianluo.scoring.service.PointsDtos.Standing;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The quarterly tables (季度公示): a region's table published once, frozen, and read as it was published. */
@ApplicationScoped
public class SnapshotPublisher {

    private final PointsQueries queries;
    private final SnapshotRepository snapshots;
    private final Outbox outbox;
    private final ObjectMapper mapper;

    public SnapshotPublisher(PointsQueries queries, SnapshotRepository snapshots, Outbox outbox, ObjectMapper mapper) {
        this.queries = queries;
        this.snapshots = snapshots;
        this.outbox = outbox;
        this.mapper = mapper;
    }

    /** Publishes a region's quarterly table; once published it is frozen. */
    @Transactional
    public Snapshot publish(RegionCode region, int year, int quarter, Caller caller) {
        PointsAccess.requireMayPublish(region, caller);
        LocalDate end = LocalDate.of(year, quarter * 3, 1).plusMonths(1).minusDays(1);
        List<Standing> rows = queries.table(region, year, null, end);
        Instant now = Instant.now();
        boolean stored;
        try {
            stored = snapshots.insertOnce(region.value(), year, quarter, now, caller.subject(), mapper.writeValueAsString(rows));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        if (!stored) {
            throw ProblemException.conflict("snapshot-frozen", "the table of " + region + " " + year + " Q" + quarter
                    + " is published and frozen");
        }
        outbox.add(ScoringEvents.SNAPSHOT_PUBLISHED, region.value() + "-" + year + "-Q" + quarter, region,
                new ScoringEvents.SnapshotPublished(region.value(), year, quarter, rows.size()));
        return new Snapshot(region.value(), year, quarter, now, rows);
    }

    @Transactional
    public Snapshot snapshot(RegionCode region, int year, int quarter) {
        StoredSnapshot stored = snapshots.find(region.value(), year, quarter)
                .orElseThrow(() -> ProblemException.notFound("published table", region + " " + year + " Q" + quarter));
        try {
            return new Snapshot(region.value(), year, quarter, stored.publishedAt(),
                    mapper.readValue(stored.rowsJson(), new TypeReference<List<Standing>>() { }));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
