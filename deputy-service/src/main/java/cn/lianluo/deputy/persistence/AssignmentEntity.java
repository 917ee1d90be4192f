package cn.lianluo.deputy.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.util.UUID;

@Entity
@Table(name = "assignment")
public class AssignmentEntity {
    @Id
    public UUID id;
    @Column(name = "deputy_id")
    public UUID deputyId;
    @Column(name = "station_id")
    public UUID stationId;
    public boolean home;
    @Column(name = "from_date")
    public LocalDate fromDate;
    @Column(name = "until_date")
    public LocalDate untilDate;
    @Column(name = "assigned_by")
    public String assignedBy;
}
