package io.amiboot.catalogue.generator;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The names of the events and actions an Asterisk documents, read as the generator reads them; for the drift check
 * that compares the catalogue with the XML of the Asterisk the tests run against.
 * @param events the documented event names
 * @param actions the documented action names
 */
public record DocumentedNames(SortedSet<String> events, SortedSet<String> actions) {

    /**
     * The names, sorted.
     * @param events the documented event names
     * @param actions the documented action names
     */
    public DocumentedNames {
        events = Collections.unmodifiableSortedSet(new TreeSet<>(events));
        actions = Collections.unmodifiableSortedSet(new TreeSet<>(actions));
    }

    /**
     * Reads a {@code core-en_US.xml} with the stylesheet beside it.
     * @param documentation the XML
     * @param stylesheet its {@code appdocsxml.xslt}
     * @return the names it documents
     * @throws IOException when either cannot be read
     */
    public static DocumentedNames read(Path documentation, Path stylesheet) throws IOException {
        Catalogue catalogue = CatalogueReader.read(AsteriskDocumentation.load(documentation, stylesheet), "?");
        return new DocumentedNames(catalogue.events().stream().map(EventSpec::name).collect(TreeSet::new, TreeSet::add, TreeSet::addAll),
                catalogue.actions().stream().map(ActionSpec::name).collect(TreeSet::new, TreeSet::add, TreeSet::addAll));
    }
}
