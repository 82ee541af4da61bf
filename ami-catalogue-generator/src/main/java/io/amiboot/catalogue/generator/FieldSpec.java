package io.amiboot.catalogue.generator;

import java.util.List;

/**
 * One documented header of an event or parameter of an action.
 * @param wireName the header's name on the wire, e.g. {@code Cause-txt}
 * @param required whether the documentation marks it {@code required="true"}
 * @param multiple whether it may repeat ({@code multiple="true"})
 * @param enumValues the values of its {@code <enumlist>}, in documentation order; empty when it has none
 */
record FieldSpec(String wireName, boolean required, boolean multiple, List<String> enumValues) {

    FieldSpec {
        enumValues = List.copyOf(enumValues);
    }

    /** Two instances of one event documented in different modules: required only if both say so. */
    FieldSpec mergedWith(FieldSpec other) {
        List<String> values = enumValues.isEmpty() ? other.enumValues : enumValues;
        return new FieldSpec(wireName, required && other.required, multiple || other.multiple, values);
    }
}
