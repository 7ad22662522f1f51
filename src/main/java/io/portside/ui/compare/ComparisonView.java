package io.portside.ui.compare;

import io.portside.ui.fx.UiText;
import io.portside.ui.pane.FilePane;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

/**
 * The comparison on screen: both panes' rows coloured and (with "show only differences")
 * filtered, and the legend under the panes naming each colour with its count.
 */
public final class ComparisonView extends HBox {
    private final UiText text;
    private final ComparisonViewModel model;

    public ComparisonView(ComparisonViewModel model, FilePane local, FilePane remote, UiText text) {
        this.text = text;
        this.model = model;
        setId("comparisonLegend");
        getStyleClass().add("comparison-legend");
        setSpacing(14);
        setPadding(new Insets(3, 8, 3, 8));
        managedProperty().bind(visibleProperty());
        visibleProperty().bind(model.enabled());
        Runnable show = () -> {
            PaneMarks m = model.marks().get();
            local.showMarks(PaneMarks.pseudoClasses(m.local()));
            remote.showMarks(PaneMarks.pseudoClasses(m.remote()));
            boolean filter = model.enabled().get() && model.onlyDifferences().get();
            local.showOnly(filter ? model::shows : null);
            remote.showOnly(filter ? model::shows : null);
            legend(m);
        };
        model.marks().addListener((o, a, b) -> show.run());
        model.onlyDifferences().addListener((o, a, b) -> show.run());
        model.enabled().addListener((o, a, b) -> show.run());
        legend(PaneMarks.NONE);
    }

    private void legend(PaneMarks m) {
        getChildren().setAll(new Label(text.get("compare.legend")));
        for (RowMark mark : RowMark.values()) {
            Region swatch = new Region();
            swatch.getStyleClass().addAll("legend-swatch", mark.pseudoClass());
            Label l = new Label(text.get("compare." + mark.pseudoClass(), m.count(mark)), swatch);
            l.setId("legend-" + mark.pseudoClass());
            getChildren().add(l);
        }
        if (m.compared() && m.counts().isEmpty()) {
            Label same = new Label(text.get("compare.identical"));
            same.setId("legend-identical");
            getChildren().add(same);
        }
    }
}
