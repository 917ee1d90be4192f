package cn.lianluo.cases.units.persistence;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** 分级分类: a category of case and the level responsible for it. */
@Entity
@Table(name = "category")
public class CategoryEntity {
    @Id
    public String code;
    public String name;
    public String level;
}
