package cn.lianluo.common.testing.layers.service;

import cn.lianluo.common.testing.layers.rest.Dto;

/** Breaks a layer rule on purpose: a use case that answers with the REST layer's record (see ArchitectureRulesTest). */
public class RestInService {

    public Dto answer() {
        return new Dto("x");
    }
}
