package io.portside.ui.settings;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Reads FileZilla's {@code sitemanager.xml} (folders flattened into "Folder/Site" names). */
public final class FileZillaImport {
    private FileZillaImport() {
    }

    public static List<SavedSite> read(InputStream xml) throws IOException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Element root = f.newDocumentBuilder().parse(xml).getDocumentElement();
            List<SavedSite> out = new ArrayList<>();
            for (Element servers : children(root, "Servers")) {
                walk(servers, "", out);
            }
            return out;
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("this is not a FileZilla site manager file: " + e.getMessage(), e);
        }
    }

    private static void walk(Element folder, String prefix, List<SavedSite> out) {
        for (Node n = folder.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!(n instanceof Element e)) {
                continue;
            }
            if (e.getTagName().equals("Folder")) {
                String name = e.getFirstChild() == null ? "" : e.getFirstChild().getNodeValue().strip();
                walk(e, prefix + name + "/", out);
            } else if (e.getTagName().equals("Server")) {
                out.add(site(e, prefix));
            }
        }
    }

    private static SavedSite site(Element s, String prefix) {
        String protocol = switch (text(s, "Protocol", "0")) {
            case "3" -> "ftps";
            case "4" -> "ftpes";
            default -> "ftp";
        };
        String password = text(s, "Pass", "");
        Element pass = first(s, "Pass");
        if (pass != null && "base64".equals(pass.getAttribute("encoding"))) {
            password = new String(Base64.getDecoder().decode(password.strip()), StandardCharsets.UTF_8);
        }
        String charset = "Custom".equals(text(s, "EncodingType", "")) ? text(s, "CustomEncoding", "UTF-8") : "UTF-8";
        String remote = text(s, "RemoteDir", "");
        return new SavedSite(prefix + text(s, "Name", text(s, "Host", "site")), text(s, "Host", ""),
                Integer.parseInt(text(s, "Port", "21")), protocol, text(s, "User", ""), password,
                "MODE_ACTIVE".equals(text(s, "PasvMode", "")) ? "ACTIVE" : "PASSIVE", false,
                decodeRemoteDir(remote), text(s, "LocalDir", ""), charset);
    }

    /** FileZilla stores remote folders as "1 0 4 home 4 user" (type, prefix length, then length-name pairs). */
    static String decodeRemoteDir(String encoded) {
        if (encoded.isBlank()) {
            return "";
        }
        String[] t = encoded.strip().split(" ");
        StringBuilder path = new StringBuilder();
        int i = 2;
        while (i + 1 < t.length) {
            int len = Integer.parseInt(t[i]);
            StringBuilder name = new StringBuilder(t[i + 1]);
            int j = i + 2;
            while (name.length() < len && j < t.length) {
                name.append(' ').append(t[j++]);
            }
            path.append('/').append(name);
            i = j;
        }
        return path.length() == 0 ? "/" : path.toString();
    }

    private static String text(Element parent, String tag, String fallback) {
        Element e = first(parent, tag);
        return e == null ? fallback : e.getTextContent().strip();
    }

    private static Element first(Element parent, String tag) {
        List<Element> c = children(parent, tag);
        return c.isEmpty() ? null : c.get(0);
    }

    private static List<Element> children(Element parent, String tag) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(tag)) {
                out.add(e);
            }
        }
        return out;
    }
}
