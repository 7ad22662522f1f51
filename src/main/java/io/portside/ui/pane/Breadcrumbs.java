package io.portside.ui.pane;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;

/** The folder's ancestors as clickable crumbs: / > pub > docs. */
final class Breadcrumbs extends HBox {
    private final UnaryOperator<String> parentOf;
    private final Consumer<String> open;

    Breadcrumbs(UnaryOperator<String> parentOf, Consumer<String> open) {
        this.parentOf = parentOf;
        this.open = open;
        getStyleClass().add("breadcrumbs");
    }

    void show(String folder) {
        getChildren().clear();
        List<String> chain = new ArrayList<>();
        for (String p = folder; p != null && !p.isEmpty(); p = parentOf.apply(p)) {
            chain.add(p);
        }
        Collections.reverse(chain);
        for (int i = 0; i < chain.size(); i++) {
            String path = chain.get(i);
            if (i > 0) {
                Label sep = new Label("›");
                sep.getStyleClass().add("crumb-separator");
                getChildren().add(sep);
            }
            String name = i == 0 ? path : lastName(path);
            Button crumb = new Button(name);
            crumb.getStyleClass().add("crumb");
            crumb.setFocusTraversable(false);
            crumb.setOnAction(e -> open.accept(path));
            getChildren().add(crumb);
        }
    }

    private static String lastName(String path) {
        String p = path.replace('\\', '/');
        if (p.endsWith("/") && p.length() > 1) {
            p = p.substring(0, p.length() - 1);
        }
        return p.substring(p.lastIndexOf('/') + 1);
    }
}
