package io.amiboot.catalogue.generator;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMResult;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Asterisk's XML documentation as Asterisk itself reads it (main/xml.c): XIncludes resolved first, then its own
 * stylesheet applied, which expands the {@code <channel_snapshot/>} and {@code <bridge_snapshot/>} shorthands into
 * parameters.
 */
final class AsteriskDocumentation {

    static final String XINCLUDE_NAMESPACE = "http://www.w3.org/2001/XInclude";

    /** Includes may include includes; Asterisk's documentation nests two deep, so ten passes is plenty. */
    private static final int MAX_INCLUDE_PASSES = 10;

    private AsteriskDocumentation() {
    }

    /** Reads {@code core-en_US.xml} and expands it with the {@code appdocsxml.xslt} beside it. */
    static Document load(Path documentation, Path stylesheet) throws IOException {
        try (InputStream xml = Files.newInputStream(documentation); InputStream xslt = Files.newInputStream(stylesheet)) {
            return expand(parse(xml), xslt);
        }
    }

    static Document parse(InputStream xml) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            // The DTD names a file beside the XML; it declares no entities the documentation uses.
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            return builder.parse(xml);
        }
        catch (ParserConfigurationException | SAXException ex) {
            throw new IOException("Asterisk's documentation is not readable XML: " + ex.getMessage(), ex);
        }
    }

    static Document expand(Document document, InputStream stylesheet) throws IOException {
        resolveIncludes(document);
        try {
            Transformer transformer = TransformerFactory.newInstance().newTransformer(new StreamSource(stylesheet));
            DOMResult result = new DOMResult();
            transformer.transform(new DOMSource(document), result);
            return (Document) result.getNode();
        }
        catch (TransformerException ex) {
            throw new IOException("Asterisk's documentation stylesheet failed: " + ex.getMessage(), ex);
        }
    }

    /**
     * Replaces each {@code <xi:include xpointer="xpointer(...)"/>} with copies of the nodes its XPath selects in the
     * same document; one that selects nothing is dropped, as libxml drops it.
     */
    static void resolveIncludes(Document document) throws IOException {
        for (int pass = 0; pass < MAX_INCLUDE_PASSES; pass++) {
            List<Element> includes = elements(document.getElementsByTagNameNS(XINCLUDE_NAMESPACE, "include"));
            if (includes.isEmpty()) {
                return;
            }
            Map<String, List<Element>> named = topLevelByName(document);
            for (Element include : includes) {
                Node parent = include.getParentNode();
                for (Node selected : select(document, named, include.getAttribute("xpointer"))) {
                    parent.insertBefore(document.importNode(selected, true), include);
                }
                parent.removeChild(include);
            }
        }
        throw new IOException("XIncludes still unresolved after " + MAX_INCLUDE_PASSES + " passes (an include cycle?)");
    }

    /**
     * The nodes an include's XPath selects. Asterisk's pointers start at a named child of {@code docs}
     * ({@code /docs/managerEvent[@name='Hangup']/...}); the rest of the path is evaluated on a copy of that element
     * alone, since the JDK's XPath wraps the whole 1.6 MB document for every evaluation (30 s for 700 includes).
     */
    private static List<Node> select(Document document, Map<String, List<Element>> named, String xpointer) throws IOException {
        String pointer = xpointer.strip();
        if (!pointer.startsWith("xpointer(") || !pointer.endsWith(")")) {
            throw new IOException("Unsupported XInclude pointer (only xpointer(...) is used by Asterisk): " + xpointer);
        }
        String expression = pointer.substring("xpointer(".length(), pointer.length() - 1);
        Matcher first = NAMED_FIRST_STEP.matcher(expression);
        if (!first.matches()) {
            return nodes(evaluate(expression, document, xpointer));
        }
        List<Node> selected = new ArrayList<>();
        for (Element start : named.getOrDefault(first.group(1) + "\0" + first.group(2), List.of())) {
            Document alone = newDocument();
            alone.appendChild(alone.importNode(start, true));
            selected.addAll(nodes(evaluate("/" + first.group(1) + "[@name='" + first.group(2) + "']" + first.group(3), alone, xpointer)));
        }
        return selected;
    }

    /** Factory lookups go through the service loader: once per run, not once per include. */
    private static final XPathFactory XPATH = XPathFactory.newInstance();

    private static final DocumentBuilderFactory BUILDERS = DocumentBuilderFactory.newInstance();

    static {
        BUILDERS.setNamespaceAware(true);
    }

    private static final Pattern NAMED_FIRST_STEP = Pattern.compile("/?docs/([A-Za-z_]+)\\[@name='([^']*)'\\](.*)", Pattern.DOTALL);

    private static Map<String, List<Element>> topLevelByName(Document document) {
        Map<String, List<Element>> named = new HashMap<>();
        for (Node child = document.getDocumentElement().getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && element.hasAttribute("name")) {
                named.computeIfAbsent(element.getTagName() + "\0" + element.getAttribute("name"), key -> new ArrayList<>()).add(element);
            }
        }
        return named;
    }

    private static NodeList evaluate(String expression, Node context, String xpointer) throws IOException {
        try {
            return (NodeList) XPATH.newXPath().evaluate(expression, context, XPathConstants.NODESET);
        }
        catch (XPathExpressionException ex) {
            throw new IOException("XInclude pointer is no XPath: " + xpointer, ex);
        }
    }

    private static List<Node> nodes(NodeList list) {
        List<Node> nodes = new ArrayList<>(list.getLength());
        for (int i = 0; i < list.getLength(); i++) {
            nodes.add(list.item(i));
        }
        return nodes;
    }

    private static Document newDocument() throws IOException {
        try {
            return BUILDERS.newDocumentBuilder().newDocument();
        }
        catch (ParserConfigurationException ex) {
            throw new IOException(ex);
        }
    }

    static List<Element> elements(NodeList nodes) {
        List<Element> elements = new ArrayList<>(nodes.getLength());
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element element) {
                elements.add(element);
            }
        }
        return elements;
    }

    static List<Element> children(Node parent, String name) {
        List<Element> children = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && name.equals(element.getLocalName() != null ? element.getLocalName() : element.getTagName())) {
                children.add(element);
            }
        }
        return children;
    }

    static Element child(Node parent, String name) {
        List<Element> children = children(parent, name);
        return children.isEmpty() ? null : children.get(0);
    }
}
