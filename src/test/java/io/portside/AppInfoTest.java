package io.portside;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

class AppInfoTest {

    /** The project's own version, read straight from pom.xml (Surefire runs in the project root). */
    private static String pomVersion() throws Exception {
        Path pom = Path.of("pom.xml");
        assertTrue(Files.isRegularFile(pom), "pom.xml not found in " + Path.of("").toAbsolutePath());
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
        for (Node n = doc.getDocumentElement().getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals("version")) {
                return e.getTextContent().trim();
            }
        }
        throw new AssertionError("pom.xml has no <version>");
    }

    @Test
    void versionIsThePomVersion() throws Exception {
        assertEquals(pomVersion(), AppInfo.version());
    }

    @Test
    void versionWasFilteredIn() {
        assertFalse(AppInfo.version().contains("${"), "resource filtering did not run: " + AppInfo.version());
        assertFalse(AppInfo.version().equals("unknown"), "version.properties missing from the class path");
    }

    @Test
    void nameIsPortside() {
        assertEquals("Portside", AppInfo.name());
        assertEquals("Portside " + AppInfo.version(), AppInfo.nameAndVersion());
    }
}
