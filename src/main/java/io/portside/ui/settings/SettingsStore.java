package io.portside.ui.settings;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Reads and writes {@code settings.json} in the config folder it is given. */
public final class SettingsStore {
    private final Path file;
    // Records such as SiteProfile have isAnonymous(): not a property to write.
    private final ObjectMapper json = JsonMapper.builder()
            .disable(MapperFeature.AUTO_DETECT_IS_GETTERS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    public SettingsStore(Path configDir) {
        this.file = configDir.resolve("settings.json");
    }

    public Path configDir() {
        return file.getParent();
    }

    /** The saved settings, or defaults when there are none or the file is unreadable. */
    public AppSettings load() {
        if (Files.isRegularFile(file)) {
            try {
                JsonNode tree = json.readTree(file.toFile());
                LegacySites.dropOldHistory(tree);
                return json.treeToValue(tree, AppSettings.class);
            } catch (IOException e) {
                System.err.println("Portside: ignoring unreadable " + file + ": " + e.getMessage());
            }
        }
        return new AppSettings();
    }

    /** Writes atomically (temp file, then move) so a crash never leaves half a file. */
    public void save(AppSettings settings) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling("settings.json.tmp");
        json.writeValue(tmp.toFile(), settings);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
