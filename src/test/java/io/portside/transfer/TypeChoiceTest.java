package io.portside.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.portside.ftp.TransferType;
import org.junit.jupiter.api.Test;

class TypeChoiceTest {
    @Test
    void autoSendsTextExtensionsAsAsciiAndEverythingElseAsBytes() {
        assertEquals(TransferType.ASCII, TypeChoice.AUTO.typeFor("/www/index.HTML"));
        assertEquals(TransferType.ASCII, TypeChoice.AUTO.typeFor("C:\\site\\notes.txt"));
        assertEquals(TransferType.ASCII, TypeChoice.AUTO.typeFor("deploy.sh"));
        assertEquals(TransferType.BINARY, TypeChoice.AUTO.typeFor("/www/logo.png"));
        assertEquals(TransferType.BINARY, TypeChoice.AUTO.typeFor("/usr/bin/program"), "no extension: bytes");
        assertEquals(TransferType.BINARY, TypeChoice.AUTO.typeFor("/www.txt/archive"), "a folder's dot is no extension");
    }

    @Test
    void binaryAndAsciiApplyToEveryFile() {
        assertEquals(TransferType.BINARY, TypeChoice.BINARY.typeFor("readme.txt"));
        assertEquals(TransferType.ASCII, TypeChoice.ASCII.typeFor("photo.jpg"));
    }
}
