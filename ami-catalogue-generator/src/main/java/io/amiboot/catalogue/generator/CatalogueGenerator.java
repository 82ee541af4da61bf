package io.amiboot.catalogue.generator;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Generates the typed AMI catalogue (events, actions, their indexes) from Asterisk's XML documentation.
 * <p>Arguments: the documentation directory ({@code core-en_US.xml}, {@code appdocsxml.xslt} and
 * {@code source.properties} naming the Asterisk version), the field-types table, the output directory for the
 * sources and the file to write the Markdown reference to.
 */
public final class CatalogueGenerator {

    private static final String STYLESHEET = "appdocsxml.xslt";

    private CatalogueGenerator() {
    }

    /**
     * Runs the generator.
     * @param args documentation directory, field-types file, source directory, reference file
     * @throws IOException when the documentation cannot be read or the sources cannot be written
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            throw new IllegalArgumentException(
                    "usage: CatalogueGenerator <documentation-dir> <field-types.txt> <source-dir> <reference.md>");
        }
        Path documentation = Path.of(args[0]);
        FieldType.Table types = FieldType.Table.load(Path.of(args[1]));
        Catalogue catalogue = read(documentation);
        Snapshots snapshots = Snapshots.expand(Files.readAllBytes(documentation.resolve(STYLESHEET)));
        List<JavaSource> sources = generate(catalogue, snapshots, types);
        Path output = Path.of(args[2]);
        for (JavaSource source : sources) {
            source.writeTo(output);
        }
        Path reference = Path.of(args[3]);
        Files.createDirectories(reference.toAbsolutePath().getParent());
        Files.writeString(reference, new ReferenceWriter(snapshots, types).write(catalogue));
        System.out.println("[amiboot catalogue] " + sources.size() + " sources from " + documentation + " in " + output);
    }

    /**
     * Reads a documentation directory: {@code core-en_US.xml}, {@code appdocsxml.xslt}, {@code source.properties}.
     * @param documentation the directory
     * @return its events and actions
     * @throws IOException when it cannot be read
     */
    static Catalogue read(Path documentation) throws IOException {
        Properties source = new Properties();
        try (InputStream in = Files.newInputStream(documentation.resolve("source.properties"))) {
            source.load(in);
        }
        String version = source.getProperty("asterisk.version");
        if (version == null) {
            throw new IOException(documentation.resolve("source.properties") + " names no asterisk.version");
        }
        return CatalogueReader.read(AsteriskDocumentation.load(documentation.resolve("core-en_US.xml"),
                documentation.resolve(STYLESHEET)), version);
    }

    static List<JavaSource> generate(Catalogue catalogue, Snapshots snapshots, FieldType.Table types) {
        String major = catalogue.asteriskVersion().split("\\.")[0];
        List<JavaSource> sources = new ArrayList<>(new SnapshotWriter(types).write(snapshots));
        EventWriter events = new EventWriter(snapshots, types, major);
        catalogue.events().forEach(event -> sources.add(events.write(event)));
        Set<String> eventNames = catalogue.events().stream().map(EventSpec::name).collect(Collectors.toSet());
        ActionWriter actions = new ActionWriter(major, eventNames);
        catalogue.actions().forEach(action -> sources.add(actions.write(action)));
        sources.add(CatalogueIndexWriter.write(catalogue));
        sources.add(CatalogueIndexWriter.actions(catalogue));
        return sources;
    }
}
