package cn.lianluo.deputy.service;

import cn.lianluo.common.security.Caller;
import cn.lianluo.deputy.domain.GroupKind;
import cn.lianluo.deputy.persistence.DeputyEntity;
import cn.lianluo.deputy.persistence.GroupEntity;
import cn.lianluo.deputy.persistence.Repositories;
import cn.lianluo.deputy.service.DeputyDtos.Dossier;
import cn.lianluo.deputy.service.DeputyDtos.GroupMembership;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.UUID;

/** deputy-service's part of 一人一档: profile, mandates, the whole assignment history, groups. */
@ApplicationScoped
public class DossierService {

    private final DeputyService deputies;
    private final Repositories.Mandates mandates;
    private final Repositories.Assignments assignments;
    private final Repositories.Members members;
    private final Repositories.Groups groups;

    public DossierService(DeputyService deputies, Repositories.Mandates mandates, Repositories.Assignments assignments,
                          Repositories.Members members, Repositories.Groups groups) {
        this.deputies = deputies;
        this.mandates = mandates;
        this.assignments = assignments;
        this.members = members;
        this.groups = groups;
    }

    @Transactional
    public Dossier dossier(UUID id, Caller caller) {
        DeputyEntity deputy = deputies.require(id);
        deputies.requireSelfOrReader(caller, deputy);
        return new Dossier(deputies.view(deputy, true),
                mandates.of(id).stream().map(DeputyService::mandateView).toList(),
                assignments.of(id).stream().map(deputies::assignmentView).toList(),
                members.list("deputyId = ?1 order by joinedOn", id).stream().map(m -> {
                    GroupEntity g = groups.findById(m.groupId);
                    GroupKind kind = GroupKind.valueOf(g.kind);
                    return new GroupMembership(g.id, g.name, kind, kind.label(), m.joinedOn, m.leftOn);
                }).toList());
    }
}
