package io.amiboot.dashboard.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A request to add a member to a queue.
 *
 * @param interfaceName the member's interface ({@code interface} in JSON), e.g. {@code PJSIP/1002} or
 *     {@code Local/100@test/n}
 * @param memberName the name the queue shows, optional
 * @param penalty 0 to 1000, lower is called first; Asterisk's default (0) when absent
 * @param paused whether the member starts paused; not paused when absent
 */
public record MemberCommand(@JsonProperty("interface") String interfaceName, String memberName, Integer penalty,
        Boolean paused) {
}
