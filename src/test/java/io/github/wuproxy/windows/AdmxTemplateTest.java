package io.github.wuproxy.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The Group Policy template is well-formed, has every string it names, and writes exactly what wuproxy reads. */
class AdmxTemplateTest {
    private static Document parse(String file) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(Path.of("installer", "policy", file).toFile());
    }

    private static Set<String> attributes(Document document, String attribute) {
        Set<String> values = new HashSet<>();
        NodeList all = document.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            String value = ((Element) all.item(i)).getAttribute(attribute);
            if (!value.isEmpty()) {
                values.add(value);
            }
        }
        return values;
    }

    @Test
    void everyStringAndPresentationTheTemplateNamesExists() throws Exception {
        Document admx = parse("wuproxy.admx");
        Document adml = parse("en-US/wuproxy.adml");
        Set<String> strings = new HashSet<>();
        Set<String> presentations = new HashSet<>();
        NodeList all = adml.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (e.getLocalName().equals("string")) {
                strings.add(e.getAttribute("id"));
            } else if (e.getLocalName().equals("presentation")) {
                presentations.add(e.getAttribute("id"));
            }
        }
        NodeList admxAll = admx.getElementsByTagName("*");
        for (int i = 0; i < admxAll.getLength(); i++) {
            Element e = (Element) admxAll.item(i);
            for (String attribute : new String[] {"displayName", "explainText", "presentation"}) {
                String value = e.getAttribute(attribute);
                if (value.startsWith("$(string.")) {
                    assertTrue(strings.contains(value.substring(9, value.length() - 1)), value + " has no string in the ADML");
                } else if (value.startsWith("$(presentation.")) {
                    assertTrue(presentations.contains(value.substring(15, value.length() - 1)), value + " has no presentation");
                }
            }
        }
    }

    @Test
    void itWritesTheValuesWuproxyReads() throws Exception {
        Set<String> written = attributes(parse("wuproxy.admx"), "valueName");
        assertEquals(Set.of("ProfilesFolder", "LockChoice", "AllowedProfiles", "SettleDelaySeconds", "ForeignWrite", "Notifications",
                "DiagnosticsFolder"), written);
        assertEquals(Set.of("SOFTWARE\\Policies\\wuproxy"), attributes(parse("wuproxy.admx"), "key"));
        assertEquals(RegistryPolicySource.KEY, "SOFTWARE\\Policies\\wuproxy");
        // every value the template writes changes something when read back
        var policy = RegistryPolicySource.interpret(Map.of("ProfilesFolder", "x", "LockChoice", 1, "AllowedProfiles", "a",
                "SettleDelaySeconds", 3, "ForeignWrite", "yield", "Notifications", 0, "DiagnosticsFolder", "y"));
        assertTrue(policy.profilesFolder().isPresent() && policy.locked() && !policy.allowedProfiles().isEmpty()
                && policy.settleDelay().isPresent() && policy.foreignWrite().isPresent() && policy.notifications().isPresent()
                && policy.diagnosticsFolder().isPresent());
    }
}
