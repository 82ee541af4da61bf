package io.amiboot.dashboard.api;

import java.util.HashMap;
import java.util.Map;

/** Request bodies every endpoint accepts, for the API tests to start from and spoil one field at a time. */
final class ValidRequests {

    private ValidRequests() {
    }

    /** A {@code POST /api/calls} body using every field; a new, mutable map each time. */
    static Map<String, Object> originate() {
        Map<String, Object> body = new HashMap<>();
        body.put("from", "1001");
        body.put("to", "200");
        body.put("context", "test");
        body.put("callerIdName", "Front desk");
        body.put("callerIdNumber", "+4930123");
        body.put("variables", Map.of("ACCOUNT", "sales-7"));
        body.put("timeoutSeconds", 20);
        return body;
    }

    /** A {@code POST /api/queues/{queue}/members} body using every field; a new, mutable map each time. */
    static Map<String, Object> queueMember() {
        Map<String, Object> body = new HashMap<>();
        body.put("interface", "Local/100@test/n");
        body.put("memberName", "Sales Bot");
        body.put("penalty", 1);
        body.put("paused", false);
        return body;
    }

    /** A {@code POST /api/calls/{id}/park} body using every field; a new, mutable map each time. */
    static Map<String, Object> park() {
        Map<String, Object> body = new HashMap<>();
        body.put("channel", "PJSIP/1001-00000001");
        body.put("lot", "default");
        body.put("timeoutSeconds", 60);
        return body;
    }

    /** A {@code POST /api/parking/{space}/pickup} body using every field; a new, mutable map each time. */
    static Map<String, Object> pickup() {
        Map<String, Object> body = new HashMap<>();
        body.put("from", "1002");
        body.put("lot", "default");
        body.put("context", "test");
        return body;
    }
}
