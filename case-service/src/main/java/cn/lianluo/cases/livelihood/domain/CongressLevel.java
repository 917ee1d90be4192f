package cn.lianluo.cases.livelihood.domain;

/** The level of the people's congress whose deputies vote (the glossary's deputy levels). */
public enum CongressLevel {
    NATIONAL, PROVINCIAL, CITY, COUNTY, TOWNSHIP
}
