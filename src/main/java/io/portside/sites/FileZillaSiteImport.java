package io.portside.sites;

import io.portside.ftp.UserMessage;
import io.portside.ftp.DataMode;
import io.portside.ftp.ExtendedMode;
import io.portside.ftp.Protocol;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Reads FileZilla's {@code sitemanager.xml} into site profiles. The XML parser refuses DOCTYPEs
 * and never loads external entities, so a crafted file cannot read local files or reach the
 * network. Sites in folders get the folder path in their name ("Work/Server"). Protocols
 * Portside does not speak (SFTP, S3...) are skipped with a note.
 */
public final class FileZillaSiteImport {
    private FileZillaSiteImport() {
    }

    /**
     * One imported site. {@code password} is the clear password when FileZilla had one stored
     * in Base64 (the caller hands it to {@link SiteStore#save} and wipes it), else null.
     */
    public record ImportedSite(SiteProfile profile, char[] password, List<UserMessage> notes) {
    }

    /** What was imported, and what was left out and why. */
    public record Result(List<ImportedSite> sites, List<UserMessage> skipped) {
    }

    public static Result read(Path sitemanagerXml) throws SiteStoreException {
        try (InputStream in = Files.newInputStream(sitemanagerXml)) {
            return read(in);
        } catch (IOException e) {
            throw new SiteStoreException(UserMessage.of("import.unreadable", sitemanagerXml, UserMessage.of(e)), e);
        }
    }

    public static Result read(InputStream xml) throws SiteStoreException {
        Document doc;
        try {
            doc = secureBuilder().parse(xml);
        } catch (SAXException | IOException | ParserConfigurationException e) {
            throw new SiteStoreException(UserMessage.of("import.notFileZilla", UserMessage.of(e)), e);
        }
        Element root = doc.getDocumentElement();
        Element servers = child(root, "Servers");
        if (!"FileZilla3".equals(root.getTagName()) || servers == null) {
            throw new SiteStoreException(UserMessage.of("import.notFileZilla", "no FileZilla3/Servers"));
        }
        List<ImportedSite> sites = new ArrayList<>();
        List<UserMessage> skipped = new ArrayList<>();
        walk(servers, "", sites, skipped, new HashSet<>());
        return new Result(sites, skipped);
    }

    private static void walk(Element folder, String prefix, List<ImportedSite> out, List<UserMessage> skipped, Set<String> names) {
        for (Node n = folder.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!(n instanceof Element e)) {
                continue;
            }
            if (e.getTagName().equals("Folder")) {
                walk(e, prefix + folderName(e) + "/", out, skipped, names);
            } else if (e.getTagName().equals("Server")) {
                String name = prefix + text(e, "Name", text(e, "Host", "?"));
                try {
                    ImportedSite s = server(e, unique(name, names));
                    names.add(s.profile().name());
                    out.add(s);
                } catch (IllegalArgumentException why) {
                    skipped.add(UserMessage.of("import.skipped", name, UserMessage.of(why)));
                }
            }
        }
    }

    private static ImportedSite server(Element e, String name) {
        List<UserMessage> notes = new ArrayList<>();
        Protocol protocol = switch (text(e, "Protocol", "0")) {
            case "0" -> Protocol.FTP_TLS_IF_AVAILABLE; // FileZilla's default: TLS if the server offers it
            case "3" -> Protocol.FTPS;
            case "4" -> Protocol.FTPES;
            case "6" -> Protocol.FTP;
            case "1" -> throw new InvalidSiteException("import.sftp");
            default -> throw new InvalidSiteException("import.protocol", text(e, "Protocol", "?"));
        };
        int port = parsePort(text(e, "Port", String.valueOf(protocol.defaultPort())));
        String logon = text(e, "Logontype", "1");
        String user = logon.equals("0") ? "" : text(e, "User", "");
        char[] password = null;
        Element pass = child(e, "Pass");
        if (!logon.equals("0") && pass != null) {
            String encoding = pass.getAttribute("encoding");
            if (encoding.equals("base64")) {
                password = decodeBase64(pass.getTextContent().strip());
            } else if (encoding.isEmpty()) {
                password = pass.getTextContent().toCharArray(); // very old files kept it plain
            } else {
                notes.add(UserMessage.of("import.passwordEncrypted"));
            }
        }
        DataMode mode = "MODE_ACTIVE".equals(text(e, "PasvMode", "")) ? DataMode.ACTIVE : DataMode.PASSIVE;
        String charset = "UTF-8";
        if ("Custom".equals(text(e, "EncodingType", "Auto"))) {
            String custom = text(e, "CustomEncoding", "UTF-8");
            if (Charset.isSupported(custom)) {
                charset = custom;
            } else {
                notes.add(UserMessage.of("import.charsetUnknown", custom));
            }
        }
        PasswordMode pm = password != null ? PasswordMode.STORED_ENCRYPTED : PasswordMode.NOT_STORED;
        SiteProfile p = new SiteProfile(name, protocol, text(e, "Host", null), port, user, pm, mode, ExtendedMode.AUTO,
                remoteDir(text(e, "RemoteDir", "")), emptyToNull(text(e, "LocalDir", "")), charset,
                timeOffset(e, notes));
        return new ImportedSite(p, password, List.copyOf(notes));
    }

    /** FileZilla's "Adjust server time" ({@code <TimezoneOffset>}, in minutes). */
    private static int timeOffset(Element e, List<UserMessage> notes) {
        String minutes = text(e, "TimezoneOffset", "0").strip();
        try {
            int offset = Integer.parseInt(minutes);
            if (SiteProfile.offsetInRange(offset)) {
                return offset;
            }
        } catch (NumberFormatException ignored) {
            // worded below
        }
        notes.add(UserMessage.of("import.offset", minutes));
        return 0;
    }

    /**
     * FileZilla's safe path form: {@code "1 0 4 home 3 bob"} is server type 1 (Unix), no prefix,
     * then length-prefixed segments: /home/bob. Anything unreadable gives no start folder.
     */
    static String remoteDir(String safePath) {
        if (safePath.isBlank()) {
            return null;
        }
        try {
            int[] pos = {0};
            String type = token(safePath, pos);
            int prefixLength = Integer.parseInt(token(safePath, pos));
            if (prefixLength > 0) {
                pos[0] += prefixLength + 1;
            }
            StringBuilder path = new StringBuilder();
            while (pos[0] < safePath.length()) {
                int len = Integer.parseInt(token(safePath, pos));
                String segment = safePath.substring(pos[0], pos[0] + len);
                pos[0] += len + 1;
                path.append('/').append(segment);
            }
            return type.equals("1") || path.length() > 0 ? (path.length() == 0 ? "/" : path.toString()) : null;
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    private static String token(String s, int[] pos) {
        int space = s.indexOf(' ', pos[0]);
        int end = space < 0 ? s.length() : space;
        String t = s.substring(pos[0], end);
        pos[0] = end + 1;
        return t;
    }

    private static char[] decodeBase64(String b64) {
        byte[] bytes = Base64.getMimeDecoder().decode(b64);
        try {
            return SecretBox.decodeUtf8(bytes);
        } finally {
            java.util.Arrays.fill(bytes, (byte) 0);
        }
    }

    private static int parsePort(String s) {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            throw new InvalidSiteException("import.port", s);
        }
    }

    private static String unique(String name, Set<String> taken) {
        String n = name;
        for (int i = 2; taken.contains(n); i++) {
            n = name + " (" + i + ")";
        }
        return n;
    }

    private static String folderName(Element folder) {
        for (Node n = folder.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.TEXT_NODE && !n.getNodeValue().isBlank()) {
                return n.getNodeValue().strip();
            }
        }
        return "Folder";
    }

    private static Element child(Element parent, String tag) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(tag)) {
                return e;
            }
        }
        return null;
    }

    private static String text(Element parent, String tag, String fallback) {
        Element e = child(parent, tag);
        return e == null ? fallback : e.getTextContent().strip();
    }

    private static String emptyToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** No DOCTYPE at all (so no entities, internal or external), no XInclude, no external fetches. */
    static DocumentBuilder secureBuilder() throws ParserConfigurationException {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature("http://xml.org/sax/features/external-general-entities", false);
        f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        f.setNamespaceAware(false);
        DocumentBuilder b = f.newDocumentBuilder();
        b.setErrorHandler(new org.xml.sax.helpers.DefaultHandler()); // errors raise, nothing is printed
        return b;
    }
}
