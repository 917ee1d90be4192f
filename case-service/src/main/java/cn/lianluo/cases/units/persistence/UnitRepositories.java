package cn.lianluo.cases.units.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/** Units, categories and the deputy copy. */
public final class UnitRepositories {

    private UnitRepositories() {
    }

    @ApplicationScoped
    public static class Units implements PanacheRepositoryBase<UnitEntity, UUID> {
    }

    @ApplicationScoped
    public static class Categories implements PanacheRepositoryBase<CategoryEntity, String> {
    }

    @ApplicationScoped
    public static class Deputies implements PanacheRepositoryBase<DeputyCopyEntity, UUID> {
    }
}
