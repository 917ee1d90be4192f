package cn.lianluo.deputy.service;

import cn.lianluo.common.events.contract.DeputyEvents;
import cn.lianluo.common.outbox.Outbox;
import cn.lianluo.common.paging.Page;
import cn.lianluo.common.problem.ProblemException;
import cn.lianluo.common.region.RegionCode;
import cn.lianluo.common.security.Caller;
import cn.lianluo.deputy.domain.GroupKind;
import cn.lianluo.deputy.persistence.DeputyEntity;
import cn.lianluo.deputy.persistence.GroupEntity;
import cn.lianluo.deputy.persistence.GroupMemberEntity;
import cn.lianluo.deputy.persistence.Repositories;
import cn.lianluo.deputy.service.DeputyDtos.Expert;
import cn.lianluo.deputy.service.DeputyDtos.GroupRequest;
import cn.lianluo.deputy.service.DeputyDtos.GroupView;
import cn.lianluo.deputy.service.DeputyDtos.MemberRequest;
import cn.lianluo.deputy.service.DeputyDtos.MemberView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.UUID;

/** 代表小组, 特色小组 and 代表+专家 teams. */
@ApplicationScoped
public class GroupService {

    private final Repositories.Groups groups;
    private final Repositories.Members members;
    private final Repositories.Deputies deputyRows;
    private final DeputyService deputies;
    private final Outbox outbox;

    public GroupService(Repositories.Groups groups, Repositories.Members members, Repositories.Deputies deputyRows,
                        DeputyService deputies, Outbox outbox) {
        this.groups = groups;
        this.members = members;
        this.deputyRows = deputyRows;
        this.deputies = deputies;
        this.outbox = outbox;
    }

    @Transactional
    public GroupView create(GroupRequest request, Caller caller) {
        RegionCode region = DeputyService.region("regionCode", request.regionCode());
        caller.requireWithin(region);
        if (request.kind() == GroupKind.THEME_GROUP && (request.theme() == null || request.theme().isBlank())) {
            throw ProblemException.invalid("theme", "a 特色小组 has a theme");
        }
        GroupEntity group = new GroupEntity();
        group.id = UUID.randomUUID();
        group.kind = request.kind().name();
        group.name = request.name().strip();
        group.theme = request.theme() == null ? null : request.theme().strip();
        group.regionCode = region.value();
        group.createdAt = deputies.now();
        group.createdBy = caller.subject();
        groups.persist(group);
        return view(group);
    }

    @Transactional
    public GroupView get(UUID id, Caller caller) {
        GroupEntity group = require(id);
        caller.requireWithin(RegionCode.of(group.regionCode));
        return view(group);
    }

    @Transactional
    public Page<GroupView> list(RegionCode region, int page, int size) {
        var query = groups.find("regionCode like ?1 order by regionCode, name", region.likePattern())
                .page(io.quarkus.panache.common.Page.of(page, size));
        return new Page<>(query.list().stream().map(this::view).toList(), query.count(), page, size);
    }

    /** A deputy of the group's region joins, or an expert (not a deputy) joins a 代表+专家 team. */
    @Transactional
    public GroupView join(UUID groupId, MemberRequest request, Caller caller) {
        GroupEntity group = require(groupId);
        caller.requireWithin(RegionCode.of(group.regionCode));
        if ((request.deputyId() == null) == (request.expert() == null)) {
            throw ProblemException.invalid("deputyId", "name either a deputyId or an expert");
        }
        GroupMemberEntity member = new GroupMemberEntity();
        member.id = UUID.randomUUID();
        member.groupId = groupId;
        member.joinedOn = deputies.today();
        if (request.deputyId() != null) {
            DeputyEntity deputy = deputies.require(request.deputyId());
            deputies.requireScope(caller, deputy);
            if (members.count("groupId = ?1 and deputyId = ?2 and leftOn is null", groupId, deputy.id) > 0) {
                throw ProblemException.conflict("already-member", "the deputy is already in this group");
            }
            member.deputyId = deputy.id;
            members.persist(member);
            outbox.add(DeputyEvents.GROUP_JOINED, deputy.id.toString(), RegionCode.of(deputy.regionCode),
                    new DeputyEvents.GroupMembership(groupId, group.name, group.kind, deputy.id, member.joinedOn));
        } else {
            if (!GroupKind.EXPERT_TEAM.name().equals(group.kind)) {
                throw ProblemException.unprocessable("experts-only-in-teams", "expert",
                        "experts join only a 代表+专家 team (EXPERT_TEAM)");
            }
            member.expertName = request.expert().name().strip();
            member.expertField = request.expert().field();
            member.expertOrganisation = request.expert().organisation();
            members.persist(member);
        }
        return view(group);
    }

    @Transactional
    public GroupView leave(UUID groupId, UUID memberId, Caller caller) {
        GroupEntity group = require(groupId);
        caller.requireWithin(RegionCode.of(group.regionCode));
        GroupMemberEntity member = members.findById(memberId);
        if (member == null || !member.groupId.equals(groupId)) {
            throw ProblemException.notFound("member", memberId);
        }
        if (member.leftOn != null) {
            throw ProblemException.conflict("already-left", "this member left on " + member.leftOn);
        }
        member.leftOn = deputies.today();
        if (member.deputyId != null) {
            DeputyEntity deputy = deputyRows.findById(member.deputyId);
            outbox.add(DeputyEvents.GROUP_LEFT, deputy.id.toString(), RegionCode.of(deputy.regionCode),
                    new DeputyEvents.GroupMembership(groupId, group.name, group.kind, deputy.id, member.leftOn));
        }
        return view(group);
    }

    private GroupEntity require(UUID id) {
        GroupEntity group = groups.findById(id);
        if (group == null) {
            throw ProblemException.notFound("group", id);
        }
        return group;
    }

    private GroupView view(GroupEntity g) {
        GroupKind kind = GroupKind.valueOf(g.kind);
        return new GroupView(g.id, kind, kind.label(), g.name, g.theme, g.regionCode, members.of(g.id).stream()
                .map(m -> {
                    DeputyEntity d = m.deputyId == null ? null : deputyRows.findById(m.deputyId);
                    return new MemberView(m.id, m.deputyId, d == null ? null : d.name,
                            m.expertName == null ? null : new Expert(m.expertName, m.expertField, m.expertOrganisation),
                            m.joinedOn, m.leftOn);
                }).toList());
    }
}
