package cn.lianluo.cases.files.service;

import cn.lianluo.common.security.Caller;

import java.util.UUID;

/**
 * Who may read a project milestone's photos: whoever may see its project, the livelihood feature's rule, provided by
 * it so that the files feature does not depend back on it (as {@link CaseFileAccess} for cases).
 */
public interface MilestoneFileAccess {

    /** Throws the 404 problem unless the caller may see the milestone's project, and so its photos. */
    void requireReadable(UUID milestoneId, Caller caller);
}
