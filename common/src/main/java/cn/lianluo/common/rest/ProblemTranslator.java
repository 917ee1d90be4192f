package cn.lianluo.common.rest;

import jakarta.ws.rs.core.Response;

import java.util.Optional;

/**
 * Turns a failure this library cannot know (a persistence exception, say) into a problem. Beans of this type are
 * asked for every cause of an unexpected exception before it becomes a logged 500.
 */
public interface ProblemTranslator {

    Optional<Response> translate(Throwable cause, String instance);
}
