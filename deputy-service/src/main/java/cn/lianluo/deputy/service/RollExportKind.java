package cn.lianluo.deputy.service;

import cn.lianluo.common.exports.ExportKind;
import cn.lianluo.common.exports.ExportTarget;
import cn.lianluo.common.files.TableWriter;
import cn.lianluo.deputy.persistence.Repositories;
import jakarta.enterprise.context.ApplicationScoped;

/** The roll (代表名册) as an export job: the same rows as {@code GET /deputies/export}. */
@ApplicationScoped
public class RollExportKind implements ExportKind {

    public static final String KIND = "deputy-roll";

    private final RollImport roll;
    private final Repositories.Deputies deputyRows;

    public RollExportKind(RollImport roll, Repositories.Deputies deputyRows) {
        this.roll = roll;
        this.deputyRows = deputyRows;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String stem(ExportTarget target) {
        return "deputies-" + target.region().value();
    }

    @Override
    public String sheet() {
        return RollFiles.SHEET;
    }

    @Override
    public long count(ExportTarget target) {
        return deputyRows.rollSize(target.region());
    }

    @Override
    public long write(ExportTarget target, TableWriter table) {
        return roll.export(target.region(), table);
    }
}
