package io.portside.ui;

import io.portside.ui.connection.ConnectionState;
import io.portside.ui.fx.UiText;
import io.portside.ui.queue.QueueView;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/**
 * The tabs under the panes: the transfer queue, the protocol log and the handshake diagram, in
 * the order the View menu's Shortcut+1, +2 and +3 select them.
 */
final class BottomTabs {
    private final TabPane tabs;
    private final LogAndDiagram logAndDiagram;

    BottomTabs(UiText text, QueueView queue, LogAndDiagram logAndDiagram, ObservableValue<ConnectionState> connection) {
        this.logAndDiagram = logAndDiagram;
        Tab logTab = tab(text.get("tab.log"), logAndDiagram.logView(), "logTab");
        logTab.selectedProperty().addListener((o, was, now) -> {
            if (now) {
                logAndDiagram.logView().shown();
            }
        });
        Tab diagramTab = tab(text.get("tab.diagram"), logAndDiagram.diagram(), "diagramTab");
        connection.addListener((o, a, s) -> {
            if (s == ConnectionState.CONNECTING) {
                logAndDiagram.diagram().followNextBrowse();
            }
        });
        tabs = new TabPane(tab(text.get("tab.queue"), queue, "queueTab"), logTab, diagramTab);
        tabs.setId("bottomTabs");
    }

    private static Tab tab(String title, Node content, String id) {
        Tab t = new Tab(title, content);
        t.setClosable(false);
        t.setId(id);
        return t;
    }

    TabPane node() {
        return tabs;
    }

    /** 0 queue, 1 log, 2 diagram. */
    void select(int index) {
        tabs.getSelectionModel().select(index);
    }

    /** Scrolls the log to its newest line when following (used after a layout change). */
    void showLogNewest() {
        logAndDiagram.logView().shown();
    }
}
