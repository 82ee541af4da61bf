package io.amiboot.catalogue.generator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Asterisk's names that are not Java identifiers, or that clash with Java or with the generated types' methods. */
class JavaNamesTest {

    @Test
    void typeNames() {
        assertThat(JavaNames.type("Hangup")).isEqualTo("Hangup");
        assertThat(JavaNames.type("DAHDIChannel")).isEqualTo("DAHDIChannel");
        assertThat(JavaNames.type("AOC-D")).isEqualTo("AocD");
        assertThat(JavaNames.type("PJSIPShowEndpoints")).isEqualTo("PJSIPShowEndpoints");
        assertThat(JavaNames.type("3rdParty")).isEqualTo("X3rdParty");
    }

    @Test
    void memberNames() {
        assertThat(JavaNames.member("Cause-txt")).isEqualTo("causeTxt");
        assertThat(JavaNames.member("CallerIDNum")).isEqualTo("callerIDNum");
        assertThat(JavaNames.member("URI")).isEqualTo("uri");
        assertThat(JavaNames.member("ACDRating")).isEqualTo("acdRating");
        assertThat(JavaNames.member("Uniqueid")).isEqualTo("uniqueid");
        assertThat(JavaNames.member("Class")).as("a keyword").isEqualTo("classHeader");
        assertThat(JavaNames.member("Server")).as("taken by TypedEvent").isEqualTo("serverHeader");
        assertThat(JavaNames.member("Action")).as("taken by ActionRequest").isEqualTo("actionHeader");
    }

    @Test
    void enumConstants() {
        assertThat(JavaNames.constant("Dialing Offhook")).isEqualTo("DIALING_OFFHOOK");
        assertThat(JavaNames.constant("OffHook")).isEqualTo("OFF_HOOK");
        assertThat(JavaNames.constant("Pre-ring")).isEqualTo("PRE_RING");
        assertThat(JavaNames.constant("NOT_INUSE")).isEqualTo("NOT_INUSE");
        assertThat(JavaNames.constant("0")).isEqualTo("VALUE_0");
        assertThat(JavaNames.constant("")).isEqualTo("VALUE_");
    }

    @Test
    void accessorNamesOfOneEventAreDistinct() {
        assertThat(Accessors.members(java.util.List.of(new FieldSpec("HoldTime", false, false, java.util.List.of()),
                new FieldSpec("Holdtime", false, false, java.util.List.of())))).containsExactly("holdTime", "holdtime");
        assertThat(Accessors.members(java.util.List.of(new FieldSpec("Cause-txt", false, false, java.util.List.of()),
                new FieldSpec("CauseTxt", false, false, java.util.List.of())))).containsExactly("causeTxt", "causeTxt2");
    }
}
