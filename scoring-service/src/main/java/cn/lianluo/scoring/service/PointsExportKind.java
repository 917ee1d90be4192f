package cn.lianluo.scoring.service;

import cn.lianluo.common.exports.ExportKind;
import cn.lianluo.common.exports.ExportTarget;
import cn.lianluo.common.files.TableWriter;
import cn.lianluo.scoring.persistence.StandingsRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** A region's points table of a year (积分表) as an export job: the same rows as {@code GET /points/export}. */
@ApplicationScoped
public class PointsExportKind implements ExportKind {

    public static final String KIND = "points";

    private final PointsQueries queries;
    private final StandingsRepository standings;

    public PointsExportKind(PointsQueries queries, StandingsRepository standings) {
        this.queries = queries;
        this.standings = standings;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public boolean yearly() {
        return true;
    }

    @Override
    public String stem(ExportTarget target) {
        return "points-" + target.region().value() + "-" + target.year();
    }

    @Override
    public String sheet() {
        return TableFiles.SHEET;
    }

    @Override
    @Transactional
    public long count(ExportTarget target) {
        return standings.rankedCount(target.region(), target.year());
    }

    @Override
    public long write(ExportTarget target, TableWriter table) {
        return queries.export(target.region(), target.year(), table);
    }
}
