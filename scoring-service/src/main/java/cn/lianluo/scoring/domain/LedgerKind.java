package cn.lianluo.scoring.domain;

/**
 * What a ledger entry (台账) is: a rule's award for a fact, its reversal when a new rule version is published, a
 * correction (更正) by staff, or a granted appeal (申诉成立). The names are the values of {@code ledger_entry.kind}.
 */
public enum LedgerKind { AWARD, REVERSAL, CORRECTION, APPEAL }
