package cn.lianluo.cases.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Moderation of public content (citizens' proposals, evaluations' comments). */
@ConfigMapping(prefix = "lianluo.moderation")
public interface ModerationConfig {

    /**
     * Approve public text at once when it holds no link and no number that could be a phone, QQ or WeChat id
     * ({@code LIANLUO_MODERATION_AUTO_APPROVE}); false holds every public text for staff.
     */
    @WithDefault("true")
    boolean autoApprove();
}
