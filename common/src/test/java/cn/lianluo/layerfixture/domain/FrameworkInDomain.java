package cn.lianluo.layerfixture.domain;

import jakarta.enterprise.context.ApplicationScoped;

/** Breaks a layer rule on purpose: a domain class that needs the framework (see ArchitectureRulesTest). */
@ApplicationScoped
public class FrameworkInDomain {
}
