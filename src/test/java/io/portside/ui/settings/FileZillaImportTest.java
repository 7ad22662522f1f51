package io.portside.ui.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class FileZillaImportTest {
    static final String XML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <FileZilla3 version="3.66.0" platform="windows">
              <Servers>
                <Server>
                  <Host>ftp.example.com</Host><Port>2121</Port><Protocol>0</Protocol><Type>0</Type>
                  <User>alice</User><Pass encoding="base64">c2VjcmV0</Pass>
                  <PasvMode>MODE_ACTIVE</PasvMode><EncodingType>Auto</EncodingType>
                  <Name>Work</Name><RemoteDir>1 0 3 var 3 www</RemoteDir><LocalDir>C:\\site</LocalDir>
                </Server>
                <Folder expanded="1">Clients
                  <Server>
                    <Host>files.client.org</Host><Port>21</Port><Protocol>4</Protocol>
                    <User>bob</User><EncodingType>Custom</EncodingType><CustomEncoding>GBK</CustomEncoding>
                    <Name>Client A</Name>
                  </Server>
                </Folder>
              </Servers>
            </FileZilla3>
            """;

    @Test
    void readsSitesFoldersPasswordsModesAndRemoteFolders() throws Exception {
        List<SavedSite> sites = FileZillaImport.read(new ByteArrayInputStream(XML.getBytes(StandardCharsets.UTF_8)));
        assertEquals(2, sites.size());
        SavedSite work = sites.get(0);
        assertEquals(new SavedSite("Work", "ftp.example.com", 2121, "ftp", "alice", "secret", "ACTIVE", false,
                "/var/www", "C:\\site", "UTF-8"), work);
        SavedSite client = sites.get(1);
        assertEquals("Clients/Client A", client.name());
        assertEquals("ftpes", client.protocol());
        assertEquals("GBK", client.charset());
        assertEquals("PASSIVE", client.mode());
    }
}
