package cn.lianluo.cases.files.service;

import cn.lianluo.common.security.Caller;

import java.util.UUID;

/**
 * Who may read the files of a case: the cases feature's rule, which it provides (as {@code CaseFileReaders}), so that
 * the files feature does not depend back on the feature that uses it.
 */
public interface CaseFileAccess {

    /** Throws the 403 problem unless the caller may read the case, and so its files. */
    void requireReadable(UUID caseId, Caller caller);
}
