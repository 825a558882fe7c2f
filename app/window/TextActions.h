// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QStringList>

class QDockWidget;
class QMenu;

namespace mls {

class Diagram;
class MainWindow;
class TextPanel;

/// The design as text in the window: the Text dock (two-way), File → Import… for Mermaid and
/// DOT files, dropped diagram files, and Mermaid or DOT text pasted from the clipboard.
class TextActions : public QObject
{
    Q_OBJECT
public:
    explicit TextActions(MainWindow *window);
    TextPanel *panel() const { return m_panel; }
    QDockWidget *dock() const { return m_dock; }
    void populateFileMenu(QMenu *menu);
    /// Follows the window's open document.
    void setDocument(Diagram *diagram);

    /// True for the files Import reads (.mmd, .md, .dot, .gv…).
    static bool isImportable(const QString &path);
    /// Imports a file as a new untitled design; a Markdown file with several ```mermaid
    /// blocks asks which one. Problems go to a dialog; warnings are listed, never silent.
    bool importFile(const QString &path);
    /// Imports pasted text when it is a Mermaid flowchart or a DOT graph; false otherwise.
    bool importText(const QString &text);
    /// The warnings of the last import (also shown to the user).
    const QStringList &lastWarnings() const { return m_lastWarnings; }

private:
    void chooseAndImport();
    void showWarnings(const QString &what);

    MainWindow *m_window;
    TextPanel *m_panel;
    QDockWidget *m_dock;
    QStringList m_lastWarnings;
};

} // namespace mls
