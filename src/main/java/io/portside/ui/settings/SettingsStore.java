package io.portside.ui.settings;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Reads and writes {@code settings.json} in the config folder it is given. */
public final class SettingsStore {
    private final Path file;
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

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
                return json.readValue(file.toFile(), AppSettings.class);
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
