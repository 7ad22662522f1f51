package io.portside.sites;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portside.ftp.DataMode;
import io.portside.ftp.Protocol;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileZillaSiteImportTest {
    private static final String SECRET = "fz-Secr3t-ü";

    private static final String SAMPLE = """
            <?xml version="1.0" encoding="UTF-8"?>
            <FileZilla3 version="3.66.5" platform="*nix">
              <Servers>
                <Server>
                  <Host>ftp.example.test</Host>
                  <Port>2121</Port>
                  <Protocol>4</Protocol>
                  <Type>0</Type>
                  <User>bob</User>
                  <Pass encoding="base64">%s</Pass>
                  <Logontype>1</Logontype>
                  <PasvMode>MODE_ACTIVE</PasvMode>
                  <EncodingType>Custom</EncodingType>
                  <CustomEncoding>ISO-8859-1</CustomEncoding>
                  <TimezoneOffset>-90</TimezoneOffset>
                  <Name>Work</Name>
                  <Comments />
                  <LocalDir>/home/bob/work</LocalDir>
                  <RemoteDir>1 0 4 home 7 bob dir</RemoteDir>
                </Server>
                <Folder expanded="1">Clients
                  <Server>
                    <Host>127.0.0.1</Host>
                    <Port>990</Port>
                    <Protocol>3</Protocol>
                    <Logontype>2</Logontype>
                    <User>alice</User>
                    <Name>Implicit</Name>
                    <TimezoneOffset>an hour</TimezoneOffset>
                  </Server>
                  <Folder>Old
                    <Server>
                      <Host>files.example.test</Host>
                      <Port>21</Port>
                      <Protocol>0</Protocol>
                      <Logontype>0</Logontype>
                      <User>ignored</User>
                      <Pass encoding="base64">aWdub3JlZA==</Pass>
                      <Name>Anon</Name>
                    </Server>
                  </Folder>
                </Folder>
                <Server>
                  <Host>sftp.example.test</Host><Port>22</Port><Protocol>1</Protocol><Name>Shell</Name>
                </Server>
                <Server>
                  <Host>plain.example.test</Host><Port>21</Port><Protocol>6</Protocol><Logontype>1</Logontype>
                  <User>carol</User><Pass encoding="crypt" pubkey="abc">xyz</Pass><Name>Work</Name>
                </Server>
              </Servers>
            </FileZilla3>
            """.formatted(Base64.getEncoder().encodeToString(SECRET.getBytes(StandardCharsets.UTF_8)));

    private static FileZillaSiteImport.Result importText(String xml) throws Exception {
        return FileZillaSiteImport.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void serversFoldersProtocolsAndPasswordsAreImported() throws Exception {
        FileZillaSiteImport.Result r = importText(SAMPLE);
        List<FileZillaSiteImport.ImportedSite> s = r.sites();
        assertEquals(List.of("Work", "Clients/Implicit", "Clients/Old/Anon", "Work (2)"),
                s.stream().map(i -> i.profile().name()).toList());

        SiteProfile work = s.get(0).profile();
        assertEquals(Protocol.FTPES, work.protocol());
        assertEquals("ftp.example.test", work.host());
        assertEquals(2121, work.port());
        assertEquals("bob", work.user());
        assertEquals(DataMode.ACTIVE, work.dataMode());
        assertEquals("ISO-8859-1", work.charset());
        assertEquals(-90, work.timeOffsetMinutes(), "FileZilla's \"Adjust server time\", in minutes");
        assertEquals("/home/bob dir", work.remoteFolder());
        assertEquals("/home/bob/work", work.localFolder());
        assertEquals(PasswordMode.STORED_ENCRYPTED, work.passwordMode());
        assertArrayEquals(SECRET.toCharArray(), s.get(0).password());

        SiteProfile implicit = s.get(1).profile();
        assertEquals(Protocol.FTPS, implicit.protocol());
        assertEquals(990, implicit.port());
        assertNull(s.get(1).password());
        assertEquals(PasswordMode.NOT_STORED, implicit.passwordMode());
        assertEquals(0, implicit.timeOffsetMinutes());
        assertEquals(List.of("the server time adjustment \"an hour\" is not a number of minutes within a day; none is used"),
                s.get(1).notes().stream().map(Object::toString).toList());

        FileZillaSiteImport.ImportedSite anon = s.get(2);
        assertTrue(anon.profile().isAnonymous());
        assertNull(anon.password());
        // FileZilla's default "explicit FTP over TLS if available" stays that, not "TLS required"
        assertEquals(Protocol.FTP_TLS_IF_AVAILABLE, anon.profile().protocol());
        assertEquals(List.of(), anon.notes());

        FileZillaSiteImport.ImportedSite crypt = s.get(3);
        assertEquals(Protocol.FTP, crypt.profile().protocol());
        assertNull(crypt.password());
        assertTrue(crypt.notes().get(0).toString().contains("enter it again"));
        assertEquals("密码由 FileZilla 自己的主密码加密；请重新输入",
                crypt.notes().get(0).render(java.util.Locale.SIMPLIFIED_CHINESE), "the Chinese window says it in Chinese");

        assertEquals(1, r.skipped().size());
        assertTrue(r.skipped().get(0).toString().contains("SFTP is not FTP"), r.skipped().toString());
        assertTrue(r.skipped().get(0).render(java.util.Locale.SIMPLIFIED_CHINESE).contains("SFTP 不是 FTP"), r.skipped().toString());
    }

    @Test
    void importedPasswordsGoIntoTheStoreEncrypted(@TempDir Path config) throws Exception {
        SiteStore store = new SiteStore(config);
        store.createMasterPassword("m".toCharArray());
        for (FileZillaSiteImport.ImportedSite i : importText(SAMPLE).sites()) {
            store.save(i.profile(), i.password());
        }
        assertArrayEquals(SECRET.toCharArray(), store.password("Work"));
        assertTrue(new LeakScanner(SECRET).findIn(config).isEmpty());
    }

    @Test
    void externalEntitiesAreNeverLoaded(@TempDir Path dir) throws Exception {
        Path secretFile = dir.resolve("secret.txt");
        Files.writeString(secretFile, "TOP-SECRET-CONTENT");
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE FileZilla3 [<!ENTITY leak SYSTEM "%s">]>
                <FileZilla3><Servers><Server><Host>&leak;</Host><Port>21</Port><Protocol>6</Protocol>
                <Name>x</Name></Server></Servers></FileZilla3>
                """.formatted(secretFile.toUri());
        SiteStoreException e = assertThrows(SiteStoreException.class, () -> importText(xxe));
        assertFalse(e.getMessage().contains("TOP-SECRET"), e.getMessage());
        assertTrue(e.getMessage().contains("not a FileZilla site manager file"), e.getMessage());

        String billionLaughs = "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY a \"aaaaaaaaaa\">"
                + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]><FileZilla3><Servers/></FileZilla3>";
        assertThrows(SiteStoreException.class, () -> importText(billionLaughs));
    }

    @Test
    void otherFilesAreRefusedClearly() {
        assertThrows(SiteStoreException.class, () -> importText("<html><body/></html>"));
        assertThrows(SiteStoreException.class, () -> importText("not xml at all"));
    }

    @Test
    void remoteDirsInFileZillasSafePathForm() {
        assertEquals("/home/bob", FileZillaSiteImport.remoteDir("1 0 4 home 3 bob"));
        assertEquals("/", FileZillaSiteImport.remoteDir("1 0"));
        assertEquals("/a b/c", FileZillaSiteImport.remoteDir("1 0 3 a b 1 c"));
        assertNull(FileZillaSiteImport.remoteDir(""));
        assertNull(FileZillaSiteImport.remoteDir("1 0 99 short"));
        assertNull(FileZillaSiteImport.remoteDir("garbage"));
    }
}
