package cn.lianluo.cases.livelihood.service;

import cn.lianluo.cases.files.service.MilestoneFileAccess;
import cn.lianluo.cases.livelihood.persistence.ProjectEntity;
import cn.lianluo.cases.moderation.domain.ModerationState;
import cn.lianluo.cases.moderation.service.ModerationService;
import cn.lianluo.common.problem.ProblemException;
import cn.lianluo.common.region.RegionCode;
import cn.lianluo.common.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.UUID;

/**
 * A milestone's photos are read as its project is seen ({@code GET /livelihood-projects/{id}}): by anyone signed in
 * (downloads take a token) once the project is approved in moderation, by staff in scope before; to everyone else the
 * photo is not there, as the project is not.
 */
@ApplicationScoped
public class MilestonePhotoReaders implements MilestoneFileAccess {

    private final EntityManager em;

    public MilestonePhotoReaders(EntityManager em) {
        this.em = em;
    }

    @Override
    public void requireReadable(UUID milestoneId, Caller caller) {
        List<?> ids = em.createNativeQuery("SELECT project_id FROM project_milestone WHERE id = ?1")
                .setParameter(1, milestoneId).getResultList();
        ProjectEntity project = ids.isEmpty() ? null : em.find(ProjectEntity.class, ids.get(0));
        if (project == null || !ModerationState.APPROVED.name().equals(project.moderation)
                && !ModerationService.seesUnapproved(caller, RegionCode.of(project.regionCode))) {
            throw ProblemException.notFound("milestone", milestoneId);
        }
    }
}
