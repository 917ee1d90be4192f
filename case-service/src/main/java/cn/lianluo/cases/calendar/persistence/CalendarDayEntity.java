package cn.lianluo.cases.calendar.persistence;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;

@Entity
@Table(name = "calendar_day")
public class CalendarDayEntity {
    @Id
    public LocalDate day;
    public boolean working;
    public String name;
}
