package cn.lianluo.cases.cases.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A stage's deadline and which clock events have fired for it (each at most once). */
@Entity
@Table(name = "case_deadline")
public class DeadlineEntity {
    @Id
    public UUID id;
    @Column(name = "case_id")
    public UUID caseId;
    @Column(name = "region_code")
    public String regionCode;
    public String stage;
    @Column(name = "started_at")
    public Instant startedAt;
    public int span;
    @Column(name = "due_date")
    public LocalDate dueDate;
    @Column(name = "due_at")
    public Instant dueAt;
    @Column(name = "warn_at")
    public Instant warnAt;
    @Column(name = "urge_on")
    public LocalDate urgeOn;
    @Column(name = "report_on")
    public LocalDate reportOn;
    @Column(name = "met_at")
    public Instant metAt;
    public boolean paused;
    @Column(name = "warned_at")
    public Instant warnedAt;
    @Column(name = "overdue_at")
    public Instant overdueAt;
    @Column(name = "urged_at")
    public Instant urgedAt;
    @Column(name = "reported_at")
    public Instant reportedAt;
    /**
     * Commands, the clock's events and the calendar's recount all change a deadline: one that read it before another
     * wrote it fails (409 concurrent-change for a command) instead of writing the old due date back (V17).
     */
    @Version
    public long version;
}
