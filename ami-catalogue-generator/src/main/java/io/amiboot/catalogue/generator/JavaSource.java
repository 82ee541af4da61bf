package io.amiboot.catalogue.generator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** One generated Java file: its text, written under the output root by package. */
record JavaSource(String packageName, String typeName, String text) {

    static final String GENERATED = "@javax.annotation.processing.Generated(\"io.amiboot.catalogue.generator.CatalogueGenerator\")";

    Path writeTo(Path root) throws IOException {
        Path file = root.resolve(packageName.replace('.', '/')).resolve(typeName + ".java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    /** Javadoc {@code {@code ...}} text: Asterisk's names may hold characters Javadoc would read as markup. */
    static String code(String text) {
        return "{@code " + text.replace("@", "&#64;").replace("}", "&#125;").replace("{", "&#123;") + "}";
    }

    /** A Java string literal. */
    static String literal(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    static String since(List<String> versions) {
        return versions.isEmpty() ? "" : " Documented since Asterisk " + String.join(", ", versions) + ".";
    }
}
