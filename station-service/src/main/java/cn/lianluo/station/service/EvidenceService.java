package cn.lianluo.station.service;

import cn.lianluo.common.files.FileNames;
import cn.lianluo.common.files.FileType;
import cn.lianluo.common.files.Uploads;
import cn.lianluo.common.problem.ProblemException;
import cn.lianluo.common.region.RegionCode;
import cn.lianluo.common.security.Caller;
import cn.lianluo.common.time.Zones;
import cn.lianluo.station.domain.StandardItem;
import cn.lianluo.station.persistence.EvidenceEntity;
import cn.lianluo.station.persistence.EvidenceRepository;
import cn.lianluo.station.persistence.StationEntity;
import cn.lianluo.station.persistence.StationRepository;
import cn.lianluo.station.service.StationDtos.EvidenceFile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * 六有 evidence: files (photos, PDF) that prove an item of a station's standard. Staff of the station's region upload,
 * read and delete them; nobody outside that region sees them, not even their names (the assessment itself is public).
 */
@ApplicationScoped
public class EvidenceService {

    /** The files one item may have: enough for an item's photos and documents, and a list that stays one answer. */
    public static final int MAX_FILES_PER_ITEM = 20;

    private final EvidenceRepository evidence;
    private final StationRepository stations;
    private final long maxBytes;
    private final Clock clock = Clock.system(Zones.CHINA);

    public EvidenceService(EvidenceRepository evidence, StationRepository stations,
                           @ConfigProperty(name = "lianluo.files.max-bytes", defaultValue = "10485760") long maxBytes) {
        this.evidence = evidence;
        this.stations = stations;
        this.maxBytes = maxBytes;
    }

    /** A file to send: its description and its bytes. */
    public record Download(EvidenceFile file, byte[] content) {
    }

    /** Stores an uploaded file as evidence of the item, its type read from its first bytes. */
    @Transactional
    public EvidenceFile upload(UUID stationId, StandardItem item, Path upload, String originalName, Caller caller) {
        StationEntity station = inScope(stationId, caller);
        // two uploads at once count one after the other: the station's row is held until this one is stored
        stations.findByIdOptional(station.id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (evidence.count("stationId = ?1 and item = ?2", station.id, item.name()) >= MAX_FILES_PER_ITEM) {
            throw ProblemException.conflict("too-many-evidence-files", "this item already has " + MAX_FILES_PER_ITEM
                    + " evidence files, the most it keeps; delete one first (每项最多 " + MAX_FILES_PER_ITEM + " 个佐证材料)");
        }
        byte[] content = Uploads.read(upload, maxBytes);
        FileType type = Uploads.type(content);
        EvidenceEntity e = new EvidenceEntity();
        e.id = UUID.randomUUID();
        e.stationId = station.id;
        e.item = item.name();
        e.contentType = type.contentType();
        e.size = content.length;
        e.sha256 = Uploads.sha256(content);
        e.name = FileNames.sanitize(originalName, type);
        e.uploadedAt = OffsetDateTime.now(clock);
        e.uploadedBy = caller.subject();
        e.uploadedByName = caller.displayName().orElse(e.uploadedBy);
        evidence.insert(e, content);
        return view(e);
    }

    /** The evidence of an item, the earliest first. */
    @Transactional
    public List<EvidenceFile> list(UUID stationId, StandardItem item, Caller caller) {
        inScope(stationId, caller);
        return evidence.of(stationId, item.name()).stream().map(EvidenceService::view).toList();
    }

    @Transactional
    public Download download(UUID stationId, StandardItem item, UUID fileId, Caller caller) {
        EvidenceEntity e = require(stationId, item, fileId, caller);
        return new Download(view(e), evidence.content(e.id));
    }

    @Transactional
    public void delete(UUID stationId, StandardItem item, UUID fileId, Caller caller) {
        evidence.delete(require(stationId, item, fileId, caller));
    }

    private EvidenceEntity require(UUID stationId, StandardItem item, UUID fileId, Caller caller) {
        inScope(stationId, caller);
        return evidence.find(stationId, item.name(), fileId)
                .orElseThrow(() -> ProblemException.notFound("evidence file", fileId));
    }

    /** The station, when it exists (404) and lies in the caller's region (403). */
    private StationEntity inScope(UUID stationId, Caller caller) {
        StationEntity station = stations.findByIdOptional(stationId)
                .orElseThrow(() -> ProblemException.notFound("station", stationId));
        caller.requireWithin(RegionCode.of(station.regionCode));
        return station;
    }

    private static EvidenceFile view(EvidenceEntity e) {
        return new EvidenceFile(e.id, StandardItem.valueOf(e.item), e.name, e.contentType, e.size, e.uploadedAt,
                e.uploadedByName);
    }
}
