package cn.lianluo.cases.suggestions.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@Entity
@Table(name = "suggestion")
public class SuggestionEntity {
    @Id
    public UUID id;
    public String title;
    public String content;
    @Column(name = "region_code")
    public String regionCode;
    @Column(name = "lead_deputy_id")
    public UUID leadDeputyId;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "co_deputy_ids")
    public List<String> coDeputyIds = new ArrayList<>();
    public String status;
    @Column(name = "key_suggestion")
    public boolean keySuggestion;
    @Column(name = "lead_unit_id")
    public UUID leadUnitId;
    @Column(name = "assigned_on")
    public LocalDate assignedOn;
    @Column(name = "reply_due")
    public LocalDate replyDue;
    @Column(name = "co_answer_due")
    public LocalDate coAnswerDue;
    @Column(name = "extension_pending")
    public boolean extensionPending;
    @Column(name = "extension_used")
    public boolean extensionUsed;
    @Column(name = "extension_months")
    public int extensionMonths;
    public String grade;
    public String answer;
    @Column(name = "answered_on")
    public LocalDate answeredOn;
    @Column(name = "answered_on_time")
    public Boolean answeredOnTime;
    public String rating;
    @Column(name = "reopen_count")
    public int reopenCount;
    @Column(name = "overdue_fired_at")
    public Instant overdueFiredAt;
    @Column(name = "submitted_at")
    public Instant submittedAt;
    @Column(name = "closed_at")
    public Instant closedAt;
    @Version
    public int version;
}
