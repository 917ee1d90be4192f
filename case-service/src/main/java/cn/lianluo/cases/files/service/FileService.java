package cn.lianluo.cases.files.service;

import cn.lianluo.cases.config.CaseClock;
import cn.lianluo.cases.config.FilesConfig;
import cn.lianluo.cases.files.persistence.FileEntity;
import cn.lianluo.cases.files.persistence.FileRepository;
import cn.lianluo.cases.files.persistence.FileStore;
import cn.lianluo.common.files.FileNames;
import cn.lianluo.common.files.FileType;
import cn.lianluo.common.files.Uploads;
import cn.lianluo.common.problem.ProblemException;
import cn.lianluo.common.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * Files of cases: an upload is stored on its own (anyone may upload: a citizen photographs the pothole before writing
 * to the 民情信箱), a submission that names it takes it for its case, and from then on it is read by those who may
 * read that case, and by no one else.
 */
@ApplicationScoped
public class FileService {

    /** Who uploaded a file without a token. */
    public static final String CITIZEN = "citizen";

    private final FileRepository files;
    private final FileStore store;
    private final CaseFileAccess caseAccess;
    private final MilestoneFileAccess milestoneAccess;
    private final FilesConfig config;
    private final CaseClock clock;

    public FileService(FileRepository files, FileStore store, CaseFileAccess caseAccess,
                       MilestoneFileAccess milestoneAccess, FilesConfig config, CaseClock clock) {
        this.files = files;
        this.milestoneAccess = milestoneAccess;
        this.store = store;
        this.caseAccess = caseAccess;
        this.config = config;
        this.clock = clock;
    }

    /** What an upload answers, and what a case lists of a file. */
    public record StoredFile(UUID id, String name, String contentType, long size) {
        static StoredFile of(FileEntity f) {
            return new StoredFile(f.id, f.name, f.contentType, f.size);
        }
    }

    /** A file to send: its description and its bytes. */
    public record Download(StoredFile file, byte[] content) {
    }

    /**
     * Stores an uploaded file, its type read from its first bytes.
     *
     * @param upload       the part as the HTTP layer spooled it
     * @param originalName the file name the sender gave
     * @param caller       the caller, authenticated or not
     */
    @Transactional
    public StoredFile upload(Path upload, String originalName, Caller caller) {
        byte[] content = Uploads.read(upload, config.maxBytes());
        FileType type = Uploads.type(content);
        FileEntity f = new FileEntity();
        f.id = UUID.randomUUID();
        f.contentType = type.contentType();
        f.size = content.length;
        f.sha256 = Uploads.sha256(content);
        f.name = FileNames.sanitize(originalName, type);
        f.createdAt = clock.now();
        f.uploadedBy = caller.isAuthenticated() ? caller.subject() : CITIZEN;
        store.insert(f, content);
        return StoredFile.of(f);
    }

    /**
     * Gives the named uploads to a case, in the caller's transaction: each must exist, belong to no case yet, be
     * uploaded within {@link FilesConfig#keepUnattached()} and, when it was uploaded with a token, by the same
     * account. The first that is not is a 422 naming its field, and nothing of the write stays.
     *
     * @param fieldOf the field of the i-th id as the request spells it, e.g. {@code attachments[1].fileId}
     * @param fileIds the ids in the request's order (null: an item that is a link, passed over)
     * @param account the subject of the caller's token, or {@link #CITIZEN}
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<StoredFile> attach(UUID caseId, IntFunction<String> fieldOf, List<UUID> fileIds, String account) {
        return take(fieldOf, fileIds, account, f -> f.caseId = caseId);
    }

    /**
     * Gives the named uploads to a project milestone (节点) as its photos, in the caller's transaction, by the same rules
     * as {@link #attach}: a 422 naming the field of the first that is unknown, taken already, expired or another
     * account's.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<StoredFile> attachToMilestone(UUID milestoneId, IntFunction<String> fieldOf, List<UUID> fileIds, String account) {
        return take(fieldOf, fileIds, account, f -> f.milestoneId = milestoneId);
    }

    private List<StoredFile> take(IntFunction<String> fieldOf, List<UUID> fileIds, String account, Consumer<FileEntity> owner) {
        Instant now = clock.now();
        Instant oldest = now.minus(config.keepUnattached());
        List<StoredFile> attached = new ArrayList<>();
        for (int i = 0; i < fileIds.size(); i++) {
            UUID id = fileIds.get(i);
            if (id == null) {
                attached.add(null);
                continue;
            }
            String at = fieldOf.apply(i);
            FileEntity f = files.lockedForAttaching(id).orElseThrow(() -> ProblemException.unprocessable("unknown-file", at,
                    "no file " + id + " was uploaded (POST /api/v1/files), or it waited more than "
                            + hours(config) + " h to be attached and was deleted"));
            if (f.caseId != null || f.milestoneId != null) {
                throw ProblemException.unprocessable("file-already-attached", at,
                        "file " + id + " already belongs to " + (f.caseId != null ? "a case" : "a project milestone")
                                + "; upload it again for another");
            }
            if (f.createdAt.isBefore(oldest)) {
                throw ProblemException.unprocessable("file-expired", at,
                        "file " + id + " was uploaded more than " + hours(config) + " h ago; upload it again");
            }
            if (!CITIZEN.equals(f.uploadedBy) && !f.uploadedBy.equals(account)) {
                throw ProblemException.unprocessable("file-of-another-account", at,
                        "file " + id + " was uploaded by another account; only that account attaches it");
            }
            owner.accept(f);
            f.attachedAt = now;
            attached.add(StoredFile.of(f));
        }
        return attached;
    }

    /**
     * A file for the caller: one of a case, for those who may read the case (as {@code GET /cases/{id}}); one of no
     * case yet, only for the account that uploaded it with a token (a citizen's upload is read once a case has it).
     * The description and the access check take a transaction; the bytes are fetched after it ends, so no database
     * connection waits on an object store (the database store reads them in a short transaction of its own).
     */
    public Download download(UUID id, Caller caller) {
        StoredFile file = QuarkusTransaction.joiningExisting().call(() -> readable(id, caller));
        return new Download(file, store.content(id));
    }

    private StoredFile readable(UUID id, Caller caller) {
        FileEntity f = files.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("file", id));
        if (f.milestoneId != null) {
            milestoneAccess.requireReadable(f.milestoneId, caller);
        } else if (f.caseId == null) {
            if (!caller.isAuthenticated() || CITIZEN.equals(f.uploadedBy) || !f.uploadedBy.equals(caller.subject())) {
                throw ProblemException.forbidden("a file is read through the case it belongs to, and this one belongs to no "
                        + "case yet; only the account that uploaded it reads it until then");
            }
        } else {
            caseAccess.requireReadable(f.caseId, caller);
        }
        return StoredFile.of(f);
    }

    /** The files a case has taken, in the order it took them. */
    public List<StoredFile> ofCase(UUID caseId) {
        return files.ofCase(caseId).stream().map(StoredFile::of).toList();
    }

    /** The photos a milestone has taken, in the order it took them. */
    public List<StoredFile> ofMilestone(UUID milestoneId) {
        return files.ofMilestone(milestoneId).stream().map(StoredFile::of).toList();
    }

    /** Deletes files no case or milestone took within the time they are kept; how many. */
    @Transactional
    public int deleteUnattached(int batch) {
        return store.deleteUnattached(clock.now().minus(config.keepUnattached()), batch);
    }

    private static long hours(FilesConfig config) {
        return config.keepUnattached().toHours();
    }
}
