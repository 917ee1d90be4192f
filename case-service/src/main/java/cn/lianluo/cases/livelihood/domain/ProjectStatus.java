package cn.lianluo.cases.livelihood.domain;

/** 民生实事项目票决制: 群众点题 → 代表选题 → 政府解题 → 全过程监督 → 群众评效果. */
public enum ProjectStatus {
    PROPOSED("群众点题"),
    SHORTLISTED("入围候选"),
    VOTING("代表票决中"),
    SELECTED("票决通过"),
    REJECTED("未通过"),
    TIED("票数相同待重新票决"),
    IMPLEMENTING("政府解题实施中"),
    COMPLETED("已完成"),
    EVALUATED("群众已评效果");

    private final String label;

    ProjectStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
