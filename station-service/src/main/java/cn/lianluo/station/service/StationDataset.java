package cn.lianluo.station.service;

import cn.lianluo.common.opendata.DatasetFile;
import cn.lianluo.common.opendata.OpenData.Field;
import cn.lianluo.common.region.RegionCode;
import cn.lianluo.station.domain.StandardItem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * 联络站开放数据: the public facts of each station registered before the cut-off — what its public page shows, less the
 * contact person and phone (a person's name and number have no place in a data file) and the free-text notice and
 * rules. The facts are the station's as they stand when the file is made (a station's record changes seldom; its
 * history is not kept).
 */
@ApplicationScoped
public class StationDataset {

    public static final List<Field> FIELDS = List.of(
            new Field("id", "string (UUID)", "联络站编号"),
            new Field("name", "string", "名称"),
            new Field("type", "string", "类型:STATION 联络站、HOME 代表之家、STUDIO 代表工作室、INDUSTRY 产业站/专业站、"
                    + "POINT 村(社区)联络点、MOBILE 移动联络站"),
            new Field("regionCode", "string", "所在行政区划代码"),
            new Field("regionName", "string", "所在行政区划名称"),
            new Field("address", "string", "地址;未登记则为空"),
            new Field("latitude", "number", "纬度(GCJ-02,即高德、腾讯地图所用坐标);未登记则为空"),
            new Field("longitude", "number", "经度(GCJ-02,即高德、腾讯地图所用坐标);未登记则为空"),
            new Field("standardMet", "boolean", "是否达到“六有”标准(六项全部具备)"),
            // one column per StandardItem, in its order
            new Field("hasSite", "boolean", "有场所"),
            new Field("hasSign", "boolean", "有牌子"),
            new Field("hasRules", "boolean", "有制度"),
            new Field("hasStaff", "boolean", "有人员"),
            new Field("hasActivities", "boolean", "有活动"),
            new Field("hasRecords", "boolean", "有台账"),
            new Field("standardAssessedDate", "date (YYYY-MM-DD)", "最近一次“六有”评定日期;未评定则为空"),
            new Field("createdDate", "date (YYYY-MM-DD)", "登记日期(北京时间)"));

    private final EntityManager em;

    public StationDataset(EntityManager em) {
        this.em = em;
    }

    /** The rows of the stations in {@code region} (every region when null) registered before {@code cutOff}. */
    @Transactional
    public void rows(RegionCode region, Instant cutOff, DatasetFile.Sink sink) {
        @SuppressWarnings("unchecked")
        Stream<Object[]> rows = em.createNativeQuery("""
                        SELECT s.id, s.name, s.type, s.region_code, r.name, s.address, s.latitude, s.longitude, s.standard_met,
                               %s,
                               CAST(s.standard_assessed_at AT TIME ZONE 'Asia/Shanghai' AS DATE),
                               CAST(s.created_at AT TIME ZONE 'Asia/Shanghai' AS DATE)
                        FROM station s LEFT JOIN region r ON r.code = s.region_code
                        WHERE s.region_code LIKE ?1 AND s.created_at < ?2
                        ORDER BY s.region_code, s.name, s.id""".formatted(String.join(", ",
                        java.util.Arrays.stream(StandardItem.values()).map(item ->
                                "coalesce((SELECT CAST(e ->> 'met' AS BOOLEAN) FROM jsonb_array_elements(s.standard) e "
                                        + "WHERE e ->> 'item' = '" + item + "' LIMIT 1), FALSE)").toList())))
                .setParameter(1, region == null ? "%" : region.likePattern()).setParameter(2, cutOff)
                .setHint("org.hibernate.fetchSize", 1000).setHint("org.hibernate.readOnly", true)
                .getResultStream();
        try (rows) {
            rows.forEach(sink::row);
        }
    }
}
