package io.github.wuproxy.windows;

import io.github.wuproxy.port.ScanResult;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Reads the scan events of {@code Microsoft-Windows-WindowsUpdateClient/Operational} as EvtRender
 * gives them in XML: 25 = scan failed with {@code errorCode}, 26 = scan succeeded (reference §7.4).
 * Data fields are found by name, not position, as the event has several versions.
 */
final class UpdateClientEvents {
    static final String CHANNEL = "Microsoft-Windows-WindowsUpdateClient/Operational";
    static final String QUERY = "*[System[(EventID=25 or EventID=26)]]";

    private UpdateClientEvents() {}

    /** The scan this event reports, or empty for another event or XML that is not an event. */
    static Optional<ScanResult> parse(String xml) {
        try {
            Document doc = builder().parse(new InputSource(new StringReader(xml)));
            String id = text(doc.getElementsByTagName("EventID"));
            Instant at = time(doc);
            if (id.equals("26")) {
                return Optional.of(ScanResult.succeeded(at));
            }
            if (!id.equals("25")) {
                return Optional.empty();
            }
            NodeList data = doc.getElementsByTagName("Data");
            for (int i = 0; i < data.getLength(); i++) {
                Element field = (Element) data.item(i);
                if (field.getAttribute("Name").equals("errorCode")) {
                    return Optional.of(ScanResult.failed(at, parseCode(field.getTextContent())));
                }
            }
            return Optional.empty();
        } catch (SAXException | IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** "0x8024402c" as HexInt32 renders it; a plain decimal too, to be safe. */
    private static int parseCode(String text) {
        String t = text.strip();
        return t.regionMatches(true, 0, "0x", 0, 2) ? Integer.parseUnsignedInt(t.substring(2), 16) : (int) Long.parseLong(t);
    }

    private static Instant time(Document doc) {
        NodeList created = doc.getElementsByTagName("TimeCreated");
        if (created.getLength() == 0) {
            throw new IllegalArgumentException("no TimeCreated");
        }
        try {
            return Instant.parse(((Element) created.item(0)).getAttribute("SystemTime"));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static String text(NodeList nodes) {
        return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent().strip();
    }

    private static javax.xml.parsers.DocumentBuilder builder() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            return factory.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser cannot be configured safely", e);
        }
    }
}
