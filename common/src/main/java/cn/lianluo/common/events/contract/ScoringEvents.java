package cn.lianluo.common.events.contract;

import java.util.UUID;

/**
 * The events of {@code scoring.events} (履职积分): their types and data, as the event contract describes them
 * ({@code common/src/main/resources/asyncapi/}). A change that breaks a consumer is a new version.
 */
public final class ScoringEvents {

    public static final String TOPIC = "scoring.events";

    /** Keyed by the deputy's id. */
    public static final String ALERT_RAISED = "lianluo.scoring.alert-raised.v1";
    /** Keyed by {@code <regionCode>-<year>}. */
    public static final String RULES_PUBLISHED = "lianluo.scoring.rules-published.v1";
    /** Keyed by the deputy's id. */
    public static final String APPEAL_DECIDED = "lianluo.scoring.appeal-decided.v1";
    /** Keyed by {@code <regionCode>-<year>-Q<quarter>}. */
    public static final String SNAPSHOT_PUBLISHED = "lianluo.scoring.snapshot-published.v1";

    private ScoringEvents() {
    }

    /** {@code kind}: STATION_ENTRIES or LOW_SCORE. */
    public record AlertRaised(UUID deputyId, String name, String regionCode, int year, String kind, String detail) {
    }

    public record RulesPublished(String regionCode, int year, int version, int deputiesRecomputed) {
    }

    /** {@code status}: GRANTED or DENIED; {@code entryId} the correcting ledger entry of a grant, else null. */
    public record AppealDecided(UUID appealId, UUID deputyId, int year, String status, UUID entryId) {
    }

    public record SnapshotPublished(String regionCode, int year, int quarter, int deputies) {
    }

    public static final EventContract CONTRACT = EventContract.of(TOPIC)
            .with(AlertRaised.class, ALERT_RAISED)
            .with(RulesPublished.class, RULES_PUBLISHED)
            .with(AppealDecided.class, APPEAL_DECIDED)
            .with(SnapshotPublished.class, SNAPSHOT_PUBLISHED);
}
