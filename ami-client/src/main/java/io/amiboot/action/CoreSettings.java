package io.amiboot.action;

import io.amiboot.client.AmiResponse;

/**
 * The answer to {@code CoreSettings}.
 *
 * @param asteriskVersion the Asterisk version, e.g. {@code 22.5.2}
 * @param amiVersion the AMI version, e.g. {@code 11.0.0}
 * @param systemName the system name of {@code asterisk.conf}, possibly empty
 * @param maxCalls the call limit, 0 for none
 * @param runUser the user Asterisk runs as, possibly empty
 * @param response the whole response, for headers not mapped here
 */
public record CoreSettings(String asteriskVersion, String amiVersion, String systemName, int maxCalls, String runUser,
        AmiResponse response) {

    static CoreSettings from(AmiResponse response) {
        return new CoreSettings(response.get("AsteriskVersion"), response.get("AMIversion"),
                nonNull(response.get("SystemName")), (int) CoreStatus.number(response.get("CoreMaxCalls"), 0),
                nonNull(response.get("CoreRunUser")), response);
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
