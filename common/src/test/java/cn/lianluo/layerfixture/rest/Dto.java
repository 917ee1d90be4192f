package cn.lianluo.layerfixture.rest;

/** An API record the use case below should not know (see ArchitectureRulesTest). */
public record Dto(String value) {
}
