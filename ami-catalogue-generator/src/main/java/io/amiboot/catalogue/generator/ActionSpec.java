package io.amiboot.catalogue.generator;

import java.util.List;

/**
 * One documented manager action.
 * @param name the action's name on the wire, e.g. {@code Hangup}
 * @param since the Asterisk versions the documentation says it appeared in, possibly empty
 * @param module the module that documents it
 * @param parameters its parameters, {@code ActionID} left out (the client sets it), in documentation order
 * @param listEntries the events its list response is made of ({@code <list-elements>}); empty when it is no list
 */
record ActionSpec(String name, List<String> since, String module, List<FieldSpec> parameters, List<String> listEntries) {

    ActionSpec {
        since = List.copyOf(since);
        parameters = List.copyOf(parameters);
        listEntries = List.copyOf(listEntries);
    }
}
