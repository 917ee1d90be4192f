package cn.lianluo.cases.cases.service;

import cn.lianluo.cases.cases.domain.CaseCommand;
import cn.lianluo.cases.cases.persistence.CaseEntity;
import cn.lianluo.cases.files.service.FileService;
import cn.lianluo.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The files a unit hands in with its work: proof of handling at 办结 ({@code complete}) and the papers of the answer at
 * 答复 ({@code reply}). They join the case's attachments, marked with the step that added them, and are read by those
 * who read the case, like the citizen's own files.
 */
@ApplicationScoped
public class HandlingFiles {

    /** The commands that take files. */
    static final Set<CaseCommand> TAKE_FILES = Set.of(CaseCommand.COMPLETE, CaseCommand.REPLY);

    private final FileService files;

    public HandlingFiles(FileService files) {
        this.files = files;
    }

    /** 422 before anything is written when files come with a command that takes none. */
    static void requireTaken(CaseCommand command, List<UUID> fileIds) {
        if (!fileIds.isEmpty() && !TAKE_FILES.contains(command)) {
            throw ProblemException.unprocessable("files-not-taken", "fileIds", "'" + command.path()
                    + "' takes no files; files go with complete (办结) and reply (答复)");
        }
    }

    /** Gives the uploads to the case (in the command's transaction) and lists them among its attachments. */
    void attach(CaseEntity c, CaseCommand command, List<UUID> fileIds, String account) {
        if (fileIds.isEmpty()) {
            return;
        }
        List<CaseEntity.Attachment> all = new ArrayList<>(c.attachments);
        for (FileService.StoredFile f : files.attach(c.id, i -> "fileIds[" + i + "]", fileIds, account)) {
            all.add(attachment(f, command.path()));
        }
        c.attachments = all;
    }

    /** A stored file as the case keeps it; {@code step} is null for the files of the submission. */
    static CaseEntity.Attachment attachment(FileService.StoredFile f, String step) {
        return new CaseEntity.Attachment(f.name(), f.contentType(), f.size(), null, f.id(), step);
    }
}
