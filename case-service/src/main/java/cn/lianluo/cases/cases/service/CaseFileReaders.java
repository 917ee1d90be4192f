package cn.lianluo.cases.cases.service;

import cn.lianluo.cases.cases.persistence.CaseRepositories;
import cn.lianluo.cases.files.service.CaseFileAccess;
import cn.lianluo.common.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/** The files of a case are read by those who may read the case ({@link CaseQueries#requireReadable}). */
@ApplicationScoped
public class CaseFileReaders implements CaseFileAccess {

    private final CaseRepositories.Cases cases;

    public CaseFileReaders(CaseRepositories.Cases cases) {
        this.cases = cases;
    }

    @Override
    public void requireReadable(UUID caseId, Caller caller) {
        CaseQueries.requireReadable(cases.findById(caseId), caller);
    }
}
