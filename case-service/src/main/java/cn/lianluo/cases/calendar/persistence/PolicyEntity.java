package cn.lianluo.cases.calendar.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

@Entity
@Table(name = "deadline_policy")
public class PolicyEntity {
    @Id
    @Column(name = "region_code")
    public String regionCode;
    @Column(name = "assign_days")
    public int assignDays;
    @Column(name = "handle_complaint_days")
    public int handleComplaintDays;
    @Column(name = "handle_enquiry_days")
    public int handleEnquiryDays;
    @Column(name = "urgent_handle_days")
    public int urgentHandleDays;
    @Column(name = "reply_days")
    public int replyDays;
    @Column(name = "visit_days")
    public int visitDays;
    public String note;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "updated_by")
    public String updatedBy;
}
