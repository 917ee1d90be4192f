package cn.lianluo.layerfixture.service;

import cn.lianluo.layerfixture.rest.Dto;

/** Breaks a layer rule on purpose: a use case that answers with the REST layer's record (see ArchitectureRulesTest). */
public class RestInService {

    public Dto answer() {
        return new Dto("x");
    }
}
