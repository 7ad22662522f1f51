package io.portside.transfer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Test helper: makes folder trees of files with random content and compares two trees byte by byte. */
final class Trees {
    private Trees() {
    }

    /** {@code files} files spread over nested folders; sizes from 0 to ~40 KB, a few larger. */
    static void make(Path root, int files, long seed) throws IOException {
        Random r = new Random(seed);
        for (int i = 0; i < files; i++) {
            Path dir = root.resolve("d" + (i % 7)).resolve("e" + (i % 3));
            if (i % 5 == 0) {
                dir = root; // some at the top
            }
            Files.createDirectories(dir);
            int size = i % 50 == 0 ? 300_000 + r.nextInt(100_000) : i % 10 == 0 ? 0 : r.nextInt(40_000);
            Files.write(dir.resolve("f" + i + (i % 4 == 0 ? ".txt" : ".bin")), bytes(r, size));
        }
        Files.createDirectories(root.resolve("empty").resolve("deeper"));
    }

    static byte[] bytes(Random r, int size) {
        byte[] b = new byte[size];
        r.nextBytes(b);
        return b;
    }

    static byte[] bytes(long seed, int size) {
        return bytes(new Random(seed), size);
    }

    /** Same relative paths (files and folders) and same bytes. */
    static void assertSame(Path expected, Path actual) throws IOException {
        List<String> a = relative(expected);
        List<String> b = relative(actual);
        assertEquals(a, b, "the trees hold different files");
        for (String p : a) {
            Path x = expected.resolve(p);
            if (Files.isRegularFile(x)) {
                assertArrayEquals(Files.readAllBytes(x), Files.readAllBytes(actual.resolve(p)), p + " differs");
            }
        }
    }

    static List<String> relative(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> !p.equals(root)).map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .sorted().collect(Collectors.toList());
        }
    }

    static long count(Path root, String suffix) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.toString().endsWith(suffix)).count();
        }
    }
}
