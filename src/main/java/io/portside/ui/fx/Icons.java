package io.portside.ui.fx;

import javafx.scene.Node;
import javafx.scene.shape.SVGPath;

/** Small vector icons drawn from SVG paths: crisp at any scale and no icon-font dependency. */
public final class Icons {
    private static final String FOLDER = "M1 3 h5 l1.5 1.5 H15 v9 H1 Z";
    private static final String FILE = "M3 1 h6 l4 4 v10 H3 Z M9 1 v4 h4";
    private static final String LINK = "M3 1 h6 l4 4 v10 H3 Z M6 11 l4 -4 M7 7 h3 v3";
    private static final String UP = "M8 2 l6 7 h-4 v5 h-4 v-5 h-4 Z";

    private Icons() {
    }

    public static Node folder() {
        return icon(FOLDER, "icon-folder");
    }

    public static Node file() {
        return icon(FILE, "icon-file");
    }

    public static Node link() {
        return icon(LINK, "icon-file");
    }

    public static Node up() {
        return icon(UP, "icon-button");
    }

    private static Node icon(String path, String styleClass) {
        SVGPath p = new SVGPath();
        p.setContent(path);
        p.getStyleClass().addAll("icon", styleClass);
        return p;
    }
}
